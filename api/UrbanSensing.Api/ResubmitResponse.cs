namespace UrbanSensing.Api;

public sealed record ResubmitResponse(int Resubmitted);

namespace UrbanSensing.Analytics.Streaming.Tests;

/// <summary>What a stage emitted to one subscriber: its values, and whether it completed.</summary>
internal sealed class Recorder<T> : IObserver<T>
{
    public List<T> Values { get; } = [];

    public bool Completed { get; private set; }

    public Exception? Error { get; private set; }

    public void OnNext(T value) => Values.Add(value);

    public void OnCompleted() => Completed = true;

    public void OnError(Exception error) => Error = error;
}

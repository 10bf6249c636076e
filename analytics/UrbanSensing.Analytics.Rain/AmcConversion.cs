namespace UrbanSensing.Analytics.Rain;

/// <summary>The published fit used to convert a curve number from AMC II to AMC I or III.</summary>
public enum AmcConversion
{
    /// <summary>
    /// Chow, Maidment and Mays (1988), Applied Hydrology, eq. 5.5.3–5.5.4, fitted to the NEH-4 / NEH 630
    /// Chapter 10 table: CN(I) = 4.2 CN(II) / (10 − 0.058 CN(II)), CN(III) = 23 CN(II) / (10 + 0.13 CN(II)).
    /// </summary>
    ChowEtAl1988,

    /// <summary>
    /// Hawkins, Hjelmfelt and Zevenbergen (1985), J. Irrig. Drain. Eng. 111(4), fitted to the same table:
    /// CN(I) = CN(II) / (2.281 − 0.01281 CN(II)), CN(III) = CN(II) / (0.427 + 0.00573 CN(II)).
    /// </summary>
    HawkinsEtAl1985,
}

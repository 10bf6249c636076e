namespace UrbanSensing.Simulator;

/// <summary>Derives independent, reproducible seeds (the SplitMix64 finaliser), unlike <see cref="HashCode"/>, which changes per process.</summary>
internal static class Seeds
{
    public static int Derive(int seed, int stream)
    {
        unchecked
        {
            var mixed = (((ulong)(uint)seed << 32) | (uint)stream) + 0x9E3779B97F4A7C15UL;
            mixed = (mixed ^ (mixed >> 30)) * 0xBF58476D1CE4E5B9UL;
            mixed = (mixed ^ (mixed >> 27)) * 0x94D049BB133111EBUL;
            return (int)(mixed ^ (mixed >> 31));
        }
    }
}

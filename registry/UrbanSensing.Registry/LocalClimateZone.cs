using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Registry;

/// <summary>
/// A local climate zone of Stewart and Oke's classification (Stewart, I. D. and Oke, T. R., 2012: "Local Climate
/// Zones for Urban Temperature Studies", Bulletin of the American Meteorological Society 93(12), 1879–1900): ten
/// built types, coded 1 to 10, and seven land cover types, coded A to G, each with the name the paper gives it.
/// </summary>
public sealed class LocalClimateZone
{
    public static readonly LocalClimateZone CompactHighRise = new("1", "Compact high-rise");
    public static readonly LocalClimateZone CompactMidrise = new("2", "Compact midrise");
    public static readonly LocalClimateZone CompactLowRise = new("3", "Compact low-rise");
    public static readonly LocalClimateZone OpenHighRise = new("4", "Open high-rise");
    public static readonly LocalClimateZone OpenMidrise = new("5", "Open midrise");
    public static readonly LocalClimateZone OpenLowRise = new("6", "Open low-rise");
    public static readonly LocalClimateZone LightweightLowRise = new("7", "Lightweight low-rise");
    public static readonly LocalClimateZone LargeLowRise = new("8", "Large low-rise");
    public static readonly LocalClimateZone SparselyBuilt = new("9", "Sparsely built");
    public static readonly LocalClimateZone HeavyIndustry = new("10", "Heavy industry");
    public static readonly LocalClimateZone DenseTrees = new("A", "Dense trees");
    public static readonly LocalClimateZone ScatteredTrees = new("B", "Scattered trees");
    public static readonly LocalClimateZone BushScrub = new("C", "Bush, scrub");
    public static readonly LocalClimateZone LowPlants = new("D", "Low plants");
    public static readonly LocalClimateZone BareRockOrPaved = new("E", "Bare rock or paved");
    public static readonly LocalClimateZone BareSoilOrSand = new("F", "Bare soil or sand");
    public static readonly LocalClimateZone Water = new("G", "Water");

    private LocalClimateZone(string code, string name)
    {
        Code = code;
        Name = name;
    }

    /// <summary>Every zone: the built types in order, then the land cover types.</summary>
    public static IReadOnlyList<LocalClimateZone> All { get; } =
    [
        CompactHighRise, CompactMidrise, CompactLowRise, OpenHighRise, OpenMidrise, OpenLowRise, LightweightLowRise,
        LargeLowRise, SparselyBuilt, HeavyIndustry, DenseTrees, ScatteredTrees, BushScrub, LowPlants, BareRockOrPaved,
        BareSoilOrSand, Water,
    ];

    /// <summary>"1" to "10" for the built types, "A" to "G" for the land cover types.</summary>
    public string Code { get; }

    public string Name { get; }

    /// <summary>A built type (1 to 10), as opposed to a land cover type (A to G).</summary>
    public bool IsBuilt => char.IsAsciiDigit(Code[0]);

    /// <summary>Finds a zone by its code, exactly as the paper writes it: "2", "10", "A" (not "a", "02" or "LCZ 2").</summary>
    public static bool TryParse(string code, [NotNullWhen(true)] out LocalClimateZone? zone)
    {
        zone = All.FirstOrDefault(candidate => candidate.Code == code);
        return zone is not null;
    }

    public override string ToString() => $"LCZ {Code} ({Name})";
}

using System.Diagnostics.CodeAnalysis;

namespace UrbanSensing.Analytics.Heat;

/// <summary>
/// A few departments' heat-wave thresholds (IBMn / IBMx, °C). Météo-France sets them per department with Santé
/// publique France (formerly InVS) from the Système d'alerte canicule et santé (Laaidi et al., Sacs 2004–2006
/// operational reports). Values as Météo-France gave them to the press: Nord (Lille-Lesquin) and Pas-de-Calais
/// (Arras) 18/33, Oise 18/34 (France 3 Hauts-de-France, 25 July 2018 and earlier; the Nord/Pas-de-Calais table names
/// the reference stations); Paris 21/31 and Gard 23/36 (InVS quoted by franceinfo, 2019); Rhône 20/34,
/// Bouches-du-Rhône 24/35 and Côtes-d'Armor 18/31 (France Bleu, July 2018). Check them against Météo-France's
/// current list before relying on them: the thresholds are revised from time to time.
/// </summary>
public static class DepartmentThresholds
{
    public static HeatWaveThresholds Nord { get; } = new("59", "Nord", 18, 33);

    public static HeatWaveThresholds PasDeCalais { get; } = new("62", "Pas-de-Calais", 18, 33);

    public static HeatWaveThresholds Oise { get; } = new("60", "Oise", 18, 34);

    public static HeatWaveThresholds Paris { get; } = new("75", "Paris", 21, 31);

    public static HeatWaveThresholds Rhone { get; } = new("69", "Rhône", 20, 34);

    public static HeatWaveThresholds BouchesDuRhone { get; } = new("13", "Bouches-du-Rhône", 24, 35);

    public static HeatWaveThresholds Gard { get; } = new("30", "Gard", 23, 36);

    public static HeatWaveThresholds CotesDArmor { get; } = new("22", "Côtes-d'Armor", 18, 31);

    public static IReadOnlyList<HeatWaveThresholds> All { get; } = [Nord, PasDeCalais, Oise, Paris, Rhone, BouchesDuRhone, Gard, CotesDArmor];

    /// <summary>Finds a department of the table by its INSEE code ("59").</summary>
    public static bool TryGet(string department, [NotNullWhen(true)] out HeatWaveThresholds? thresholds)
    {
        thresholds = All.FirstOrDefault(candidate => string.Equals(candidate.Department, department, StringComparison.Ordinal));
        return thresholds is not null;
    }
}

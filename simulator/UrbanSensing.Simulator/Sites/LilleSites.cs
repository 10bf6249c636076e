namespace UrbanSensing.Simulator.Sites;

/// <summary>
/// The sites of the simulated network. Coordinates are the centres of the quartiers and parks as given by their
/// encyclopaedia entries (degrees-minutes-seconds converted to decimal degrees), good to a hundred metres or so:
/// enough for a map, not a survey.
/// </summary>
public static class LilleSites
{
    public static readonly LilleSite VieuxLille = new("vieux-lille", "Vieux-Lille", "Vieux-Lille", 50.6433, 3.0606, UrbanClass.Dense);
    public static readonly LilleSite LilleCentre = new("lille-centre", "Lille-Centre (Grand'Place)", "Lille-Centre", 50.6372, 3.0633, UrbanClass.Dense);
    public static readonly LilleSite Wazemmes = new("wazemmes", "Wazemmes", "Wazemmes", 50.6258, 3.0492, UrbanClass.Dense);
    public static readonly LilleSite Moulins = new("moulins", "Moulins", "Moulins", 50.6194, 3.0669, UrbanClass.Dense);
    public static readonly LilleSite Fives = new("fives", "Fives", "Fives", 50.6308, 3.0908, UrbanClass.Residential);
    public static readonly LilleSite LilleSud = new("lille-sud", "Lille-Sud", "Lille-Sud", 50.6117, 3.0500, UrbanClass.Residential);
    public static readonly LilleSite BoisBlancs = new("bois-blancs", "Bois-Blancs", "Bois-Blancs", 50.6319, 3.0278, UrbanClass.Residential);
    public static readonly LilleSite Hellemmes = new("hellemmes", "Hellemmes", "Hellemmes", 50.6167, 3.1167, UrbanClass.Residential);
    public static readonly LilleSite Lomme = new("lomme", "Lomme", "Lomme", 50.6358, 3.0142, UrbanClass.Residential);
    public static readonly LilleSite ParcDeLaCitadelle = new("parc-citadelle", "Parc de la Citadelle (Bois de Boulogne)", "Vauban-Esquermes", 50.6405, 3.0440, UrbanClass.Park);
    public static readonly LilleSite JardinDesPlantes = new("jardin-des-plantes", "Jardin des Plantes", "Moulins", 50.6150, 3.0683, UrbanClass.Park);

    /// <summary>Every site, in the order devices are spread over them.</summary>
    public static IReadOnlyList<LilleSite> All { get; } =
    [
        VieuxLille, LilleCentre, Wazemmes, Moulins, Fives, LilleSud, BoisBlancs, Hellemmes, Lomme, ParcDeLaCitadelle, JardinDesPlantes,
    ];

    /// <summary>The park the heat island is measured against.</summary>
    public static LilleSite Reference => ParcDeLaCitadelle;
}

namespace Mcu.Compositor.Layouts;

/// <summary>What one layout file defines: a concrete <see cref="LayoutDefinition"/> or a <see cref="LayoutGroup"/>.</summary>
public abstract class NamedLayout
{
    private protected NamedLayout(string name, string description)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(description);
        if (LayoutRules.CheckName(name) is string error)
        {
            ThrowHelper.ThrowArgument(error, nameof(name));
        }

        Name = name;
        Description = description;
    }

    /// <summary>The name rooms and the API use; compared without regard to case.</summary>
    public string Name { get; }

    /// <summary>Free text for people choosing a layout.</summary>
    public string Description { get; }

    /// <summary>Line of the "name" field in the file (0 when the name came from the file name or code).</summary>
    internal int NameLine { get; init; }
}

using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutDefinitionTests
{
    [Fact]
    public void Layouts_built_in_code_follow_the_file_rules()
    {
        LayoutSlot whole = new(0, 0, 1, 1);
        Assert.Throws<ArgumentException>(() => new LayoutDefinition("empty", [], LayoutDefinition.DefaultBackground));
        Assert.Throws<ArgumentException>(() => new LayoutDefinition("bad name", [whole], LayoutDefinition.DefaultBackground));
        Assert.Throws<ArgumentException>(() => new LayoutDefinition("past-edge", [new LayoutSlot(0.5, 0, 0.6, 1)], LayoutDefinition.DefaultBackground));
        Assert.Throws<ArgumentException>(() => new LayoutDefinition("radius", [whole with { Radius = -1 }], LayoutDefinition.DefaultBackground));
        Assert.Throws<ArgumentException>(() => new LayoutDefinition("nan", [new LayoutSlot(double.NaN, 0, 1, 1)], LayoutDefinition.DefaultBackground));
        Assert.Throws<ArgumentException>(() => new LayoutDefinition("border", [whole with { Border = new SlotBorder(0, default) }], LayoutDefinition.DefaultBackground));

        var layout = new LayoutDefinition("fine", [whole, whole with { Role = SlotRole.Speaker }], new LayoutColor(1, 2, 3), "desc");
        Assert.Equal(2, layout.Capacity);
    }
}

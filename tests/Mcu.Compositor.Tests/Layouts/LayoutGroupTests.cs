using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutGroupTests
{
    [Fact]
    public void Groups_built_in_code_follow_the_file_rules()
    {
        Assert.Throws<ArgumentException>(() => new LayoutGroup("g", []));
        Assert.Throws<ArgumentException>(() => new LayoutGroup("g", [new LayoutChoice(null, "a"), new LayoutChoice(4, "b")]));
        Assert.Throws<ArgumentException>(() => new LayoutGroup("g", [new LayoutChoice(4, "a"), new LayoutChoice(2, "b")]));
        Assert.Throws<ArgumentException>(() => new LayoutGroup("g", [new LayoutChoice(0, "a")]));
        Assert.Throws<ArgumentException>(() => new LayoutGroup("g", [new LayoutChoice(1, "not a name")]));
    }

    [Theory]
    [InlineData(0, "one")]
    [InlineData(1, "one")]
    [InlineData(2, "four")]
    [InlineData(4, "four")]
    [InlineData(5, "many")]
    [InlineData(500, "many")]
    public void A_group_chooses_the_first_entry_whose_upTo_covers_the_count(int count, string expected)
    {
        var group = new LayoutGroup("auto", [new LayoutChoice(1, "one"), new LayoutChoice(4, "four"), new LayoutChoice(null, "many")]);
        Assert.Equal(expected, group.Choose(count));
    }

    [Fact]
    public void A_last_entry_with_upTo_also_serves_larger_counts()
    {
        var group = new LayoutGroup("capped", [new LayoutChoice(1, "one"), new LayoutChoice(4, "four")]);
        Assert.Equal("four", group.Choose(12));
    }
}

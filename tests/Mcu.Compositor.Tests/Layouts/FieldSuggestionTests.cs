using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class FieldSuggestionTests
{
    [Theory]
    [InlineData("backgroud", "background")]
    [InlineData("widht", "width")]
    [InlineData("Height", "height")]
    [InlineData("colour", "color")]
    [InlineData("hieght", "height")]
    public void Misspelt_fields_get_a_suggestion(string typo, string meant) =>
        Assert.Equal(meant, FieldSuggestion.Closest(typo, ["x", "y", "width", "height", "background", "color"]));

    [Theory]
    [InlineData("zoom")]
    [InlineData("opacity")]
    public void Unrelated_fields_get_none(string unknown) =>
        Assert.Null(FieldSuggestion.Closest(unknown, ["x", "y", "width", "height", "background", "color"]));

    [Theory]
    [InlineData("width", "width", 0)]
    [InlineData("widht", "width", 1)]
    [InlineData("wdth", "width", 1)]
    [InlineData("widths", "width", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void Distance_counts_edits_with_adjacent_swaps_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, FieldSuggestion.Distance(a, b));
}

using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutParserTests
{
    private const string BriefExample = """
        {
          "name": "grid-2x2",
          "description": "Four equal tiles",
          "background": "#101010",
          "slots": [
            { "x": 0,   "y": 0,   "width": 0.5, "height": 0.5 },
            { "x": 0.5, "y": 0,   "width": 0.5, "height": 0.5 },
            { "x": 0,   "y": 0.5, "width": 0.5, "height": 0.5 },
            { "x": 0.5, "y": 0.5, "width": 0.5, "height": 0.5, "fit": "contain", "label": false }
          ]
        }
        """;

    [Fact]
    public void The_example_from_the_issue_parses_into_a_layout()
    {
        LayoutDefinition layout = ParseLayout("whatever.json", BriefExample);

        Assert.Equal("grid-2x2", layout.Name);
        Assert.Equal("Four equal tiles", layout.Description);
        Assert.Equal(new LayoutColor(0x10, 0x10, 0x10), layout.Background);
        Assert.Equal(4, layout.Slots.Length);
        Assert.Equal(new LayoutSlot(0.5, 0, 0.5, 0.5), layout.Slots[1]);
        LayoutSlot last = layout.Slots[3];
        Assert.Equal(SlotFit.Contain, last.Fit);
        Assert.False(last.Label);
        Assert.Equal(SlotRole.Participant, last.Role);
        Assert.True(layout.Slots[0].Label);
        Assert.Equal(4, layout.Capacity);
    }

    [Fact]
    public void Comments_and_trailing_commas_are_allowed_and_the_name_defaults_to_the_file_name()
    {
        LayoutDefinition layout = ParseLayout("my-layout.json", """
            // a line comment
            {
              /* a block comment */
              "slots": [ { "x": 0, "y": 0, "width": 1, "height": 1, }, ],
            }
            """);

        Assert.Equal("my-layout", layout.Name);
        Assert.Equal(string.Empty, layout.Description);
        Assert.Equal(LayoutDefinition.DefaultBackground, layout.Background);
    }

    [Fact]
    public void Every_slot_field_is_read()
    {
        LayoutDefinition layout = ParseLayout("pip.json", """
            {
              "slots": [
                { "x": 0, "y": 0, "width": 1, "height": 1, "role": "speaker" },
                { "x": 0.7, "y": 0.7, "width": 0.25, "height": 0.25, "z": 2, "fit": "cover", "role": "participant",
                  "label": true, "border": { "width": 3, "color": "#FFaa00" }, "radius": 12.5 }
              ]
            }
            """);

        Assert.Equal(SlotRole.Speaker, layout.Slots[0].Role);
        LayoutSlot inset = layout.Slots[1];
        Assert.Equal(2, inset.Z);
        Assert.Equal(new SlotBorder(3, new LayoutColor(0xff, 0xaa, 0x00)), inset.Border);
        Assert.Equal(12.5, inset.Radius);
        Assert.True(layout.HasSpeakerSlot);
        Assert.Equal(1, layout.ParticipantSlotCount);
        Assert.Equal(2, layout.Capacity);
    }

    [Fact]
    public void A_file_with_choose_is_a_group_whose_last_entry_may_omit_upTo()
    {
        Assert.True(LayoutParser.TryParse("auto.json", """
            {
              "description": "by count",
              "choose": [
                { "upTo": 1, "layout": "single" },
                { "upTo": 4, "layout": "grid-2x2" },
                { "layout": "grid-3x3" },
              ],
            }
            """, out NamedLayout? parsed, out _));

        LayoutGroup group = Assert.IsType<LayoutGroup>(parsed);
        Assert.Equal("auto", group.Name);
        Assert.Equal("by count", group.Description);
        Assert.Equal([new LayoutChoice(1, "single"), new LayoutChoice(4, "grid-2x2"), new LayoutChoice(null, "grid-3x3")], group.Choices.ToArray());
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        byte[] utf8 = [0xEF, 0xBB, 0xBF, .. "{ \"slots\": [ { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 } ] }"u8];
        Assert.True(LayoutParser.TryParse("bom.json", utf8, out NamedLayout? layout, out _));
        Assert.Equal("bom", layout.Name);
    }

    // Each case: the file text, the line the error must name, and a phrase of the reason.
    [Theory]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0 \"y\": 0, \"width\": 1, \"height\": 1 }\n  ]\n}", 3, "invalid JSON")]
    [InlineData("{\n  \"backgroud\": \"#000000\",\n  \"slots\": []\n}", 2, "unknown field \"backgroud\"; did you mean \"background\"?")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0,\n      \"widht\": 1, \"height\": 1 }\n  ]\n}", 4, "did you mean \"width\"?")]
    [InlineData("{\n  \"theme\": \"dark\"\n}", 2, "unknown field \"theme\"; expected one of: name, description, background, slots, choose")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 1.5, \"y\": 0, \"width\": 0.5, \"height\": 1 }\n  ]\n}", 3, "\"x\" must be a fraction of the canvas between 0 and 1 (was 1.5)")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0,\n      \"y\": -0.1, \"width\": 0.5, \"height\": 1 }\n  ]\n}", 4, "\"y\" must be a fraction of the canvas between 0 and 1")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 0, \"height\": 1 }\n  ]\n}", 3, "\"width\" must be a fraction of the canvas greater than 0")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1,\n      \"height\": -1 }\n  ]\n}", 4, "\"height\" must be a fraction of the canvas greater than 0")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0.6, \"y\": 0,\n      \"width\": 0.5, \"height\": 1 }\n  ]\n}", 4, "extends past the right edge of the canvas (x + width = 1.1")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0.5, \"width\": 1,\n      \"height\": 0.75 }\n  ]\n}", 4, "extends past the bottom edge")]
    [InlineData("{\n  \"name\": \"empty\",\n  \"slots\": [\n  ]\n}", 3, "\"slots\" must list at least one slot")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0,\n      \"width\": 1 }\n  ]\n}", 3, "slot 1 is missing \"height\"")]
    [InlineData("{\n  \"background\": \"#12345\",\n  \"slots\": []\n}", 2, "\"background\" must be a colour written \"#rrggbb\" (was \"#12345\")")]
    [InlineData("{\n  \"background\": \"red\"\n}", 2, "must be a colour written \"#rrggbb\"")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"fit\": \"stretch\" }\n  ]\n}", 4, "\"fit\" must be \"cover\" or \"contain\" (was \"stretch\")")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"role\": \"host\" }\n  ]\n}", 4, "\"role\" must be \"participant\" or \"speaker\"")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"label\": \"yes\" }\n  ]\n}", 4, "\"label\" must be true or false")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": \"0\", \"y\": 0, \"width\": 1, \"height\": 1 }\n  ]\n}", 3, "\"x\" must be a number")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"z\": 1.5 }\n  ]\n}", 4, "\"z\" must be a whole number")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"border\": { \"width\": 0, \"color\": \"#ffffff\" } }\n  ]\n}", 4, "the border \"width\" must be a number of pixels greater than 0")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"border\": { \"width\": 2 } }\n  ]\n}", 4, "\"border\" needs \"color\"")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"border\": { \"width\": 2, \"colour\": \"#ffffff\" } }\n  ]\n}", 4, "unknown field \"colour\"; did you mean \"color\"?")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"radius\": -4 }\n  ]\n}", 4, "\"radius\" must be a number of pixels from 0")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1,\n      \"x\": 0.5 }\n  ]\n}", 4, "field \"x\" appears twice")]
    [InlineData("{\n  \"slots\": [ { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 } ],\n  \"choose\": [ { \"layout\": \"single\" } ]\n}", 3, "either \"slots\" (a layout) or \"choose\" (a group), not both")]
    [InlineData("{\n  \"description\": \"nothing\"\n}", 1, "a layout needs \"slots\"; a group needs \"choose\"")]
    [InlineData("{\n  \"background\": \"#000000\",\n  \"choose\": [ { \"layout\": \"single\" } ]\n}", 2, "\"background\" applies to layouts, not to groups")]
    [InlineData("{\n  \"choose\": [\n  ]\n}", 2, "\"choose\" must list at least one entry")]
    [InlineData("{\n  \"choose\": [\n    { \"layout\": \"single\" },\n    { \"upTo\": 4, \"layout\": \"grid-2x2\" }\n  ]\n}", 3, "entry 1 needs \"upTo\": only the last entry may omit it")]
    [InlineData("{\n  \"choose\": [\n    { \"upTo\": 4, \"layout\": \"grid-2x2\" },\n    { \"upTo\": 4, \"layout\": \"grid-3x3\" }\n  ]\n}", 4, "\"upTo\" values must increase from one entry to the next (4 follows 4)")]
    [InlineData("{\n  \"choose\": [\n    { \"upTo\": 0, \"layout\": \"single\" }\n  ]\n}", 3, "\"upTo\" must be a participant count of at least 1 (was 0)")]
    [InlineData("{\n  \"choose\": [\n    { \"upTo\": 2.5, \"layout\": \"single\" }\n  ]\n}", 3, "\"upTo\" must be a whole number")]
    [InlineData("{\n  \"choose\": [\n    { \"upTo\": 2 }\n  ]\n}", 3, "entry 1 of \"choose\" needs \"layout\"")]
    [InlineData("{\n  \"choose\": [\n    { \"upTo\": 2, \"layot\": \"single\" }\n  ]\n}", 3, "did you mean \"layout\"?")]
    [InlineData("{\n  \"name\": \"grid 2x2\",\n  \"slots\": []\n}", 2, "a layout name may hold only letters, digits")]
    [InlineData("[\n  { \"slots\": [] }\n]", 1, "the file must hold one JSON object")]
    [InlineData("", 1, "the file is empty")]
    [InlineData("{ \"slots\": [ { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 } ] }\n{ }", 2, "invalid JSON")]
    [InlineData("{\n  \"slots\": [\n    { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 }\n", 4, "invalid JSON")]
    [InlineData("{\n  \"slots\": {\n  }\n}", 2, "\"slots\" must be an array")]
    [InlineData("{\n  \"slots\": [\n    7\n  ]\n}", 3, "slot 1 must be an object")]
    public void A_broken_file_is_rejected_with_its_name_the_line_and_the_reason(string text, int line, string reason)
    {
        Assert.False(LayoutParser.TryParse("broken.json", text, out NamedLayout? layout, out LayoutError? error));

        Assert.Null(layout);
        Assert.Equal("broken.json", error.File);
        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"broken.json:{line}: ", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_name_that_makes_no_valid_name_needs_a_name_field()
    {
        const string Text = "{ \"slots\": [ { \"x\": 0, \"y\": 0, \"width\": 1, \"height\": 1 } ] }";
        Assert.False(LayoutParser.TryParse("my layout.json", Text, out _, out LayoutError? error));
        Assert.Equal(0, error.Line);
        Assert.StartsWith("my layout.json: the file name does not make a layout name", error.ToString(), StringComparison.Ordinal);

        Assert.True(LayoutParser.TryParse("my layout.json", Text.Replace("{ \"slots\"", "{ \"name\": \"mine\", \"slots\"", StringComparison.Ordinal), out NamedLayout? layout, out _));
        Assert.Equal("mine", layout.Name);
    }

    [Fact]
    public void An_oversized_file_is_rejected_without_being_read()
    {
        byte[] huge = new byte[LayoutParser.MaxFileBytes + 1];
        huge.AsSpan().Fill((byte)' ');
        Assert.False(LayoutParser.TryParse("huge.json", huge, out _, out LayoutError? error));
        Assert.Contains("larger than", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Slots_a_rounding_hair_past_the_edge_are_accepted()
    {
        LayoutDefinition layout = ParseLayout("thirds.json", """
            { "slots": [ { "x": 0.666667, "y": 0, "width": 0.3333334, "height": 1 } ] }
            """);
        Assert.Single(layout.Slots);
    }

    private static LayoutDefinition ParseLayout(string file, string text)
    {
        Assert.True(LayoutParser.TryParse(file, text, out NamedLayout? layout, out LayoutError? error), error?.ToString());
        return Assert.IsType<LayoutDefinition>(layout);
    }
}

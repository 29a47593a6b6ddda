using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class SlotAssignmentTests
{
    private const int E = SlotAssignment.Empty;

    private static readonly LayoutDefinition Grid = new("grid", [
        new LayoutSlot(0, 0, 0.5, 0.5), new LayoutSlot(0.5, 0, 0.5, 0.5),
        new LayoutSlot(0, 0.5, 0.5, 0.5), new LayoutSlot(0.5, 0.5, 0.5, 0.5)], LayoutDefinition.DefaultBackground);

    // Filmstrip slot listed before the speaker slot: file order, not role, orders participant slots.
    private static readonly LayoutDefinition Speaker = new("speaker", [
        new LayoutSlot(0, 0.8, 0.5, 0.2), new LayoutSlot(0, 0, 1, 0.8) { Role = SlotRole.Speaker },
        new LayoutSlot(0.5, 0.8, 0.5, 0.2)], LayoutDefinition.DefaultBackground);

    [Theory]
    [InlineData(0, new[] { E, E, E, E }, 0)]
    [InlineData(2, new[] { 0, 1, E, E }, 2)]
    [InlineData(4, new[] { 0, 1, 2, 3 }, 4)]
    [InlineData(6, new[] { 0, 1, 2, 3 }, 4)]
    public void Participants_fill_slots_in_join_order_and_the_rest_are_not_shown(int count, int[] expected, int shown)
    {
        int[] slots = new int[4];
        Assert.Equal(shown, SlotAssignment.Assign(Grid, count, activeSpeaker: 1, slots));
        Assert.Equal(expected, slots);
    }

    [Theory]
    [InlineData(4, 2, new[] { 0, 2, 1 }, 3)]
    [InlineData(4, 0, new[] { 1, 0, 2 }, 3)]
    [InlineData(2, 1, new[] { 0, 1, E }, 2)]
    [InlineData(1, 0, new[] { E, 0, E }, 1)]
    [InlineData(0, 0, new[] { E, E, E }, 0)]
    public void The_active_speaker_fills_speaker_slots_and_is_not_repeated(int count, int speaker, int[] expected, int shown)
    {
        int[] slots = new int[3];
        Assert.Equal(shown, SlotAssignment.Assign(Speaker, count, speaker, slots));
        Assert.Equal(expected, slots);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(9)]
    public void Without_an_active_speaker_the_first_to_join_is_shown_as_speaker(int speaker)
    {
        int[] slots = new int[3];
        SlotAssignment.Assign(Speaker, 3, speaker, slots);
        Assert.Equal([1, 0, 2], slots);
    }

    [Fact]
    public void Participants_can_be_given_by_id()
    {
        int[] slots = new int[3];
        string[] joinOrder = ["ann", "bob", "cy"];
        Assert.Equal(3, SlotAssignment.Assign<string>(Speaker, joinOrder, "cy", slots));
        Assert.Equal([0, 2, 1], slots);

        SlotAssignment.Assign<string>(Speaker, joinOrder, "nobody", slots);
        Assert.Equal([1, 0, 2], slots);
    }

    [Fact]
    public void A_short_destination_is_refused() =>
        Assert.Throws<ArgumentException>(() => SlotAssignment.Assign(Grid, 4, 0, new int[3]));

    [Fact]
    public void Assigning_allocates_nothing()
    {
        int[] slots = new int[3];
        int[] grid = new int[4];
        string[] joinOrder = ["ann", "bob", "cy"];
        SlotAssignment.Assign<string>(Speaker, joinOrder, "bob", slots);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            SlotAssignment.Assign<string>(Speaker, joinOrder, "bob", slots);
            SlotAssignment.Assign(Grid, i % 6, i % 3, grid);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

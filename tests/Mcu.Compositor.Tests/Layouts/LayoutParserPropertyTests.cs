using System.Text;
using Mcu.Compositor.Layouts;

namespace Mcu.Compositor.Tests.Layouts;

public class LayoutParserPropertyTests
{
    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        byte[] buffer = new byte[256];
        for (int i = 0; i < 3000; i++)
        {
            Span<byte> input = buffer.AsSpan(0, random.Next(buffer.Length + 1));
            random.NextBytes(input);
            AssertRejectedOrValid(input);
        }
    }

    [Fact]
    public void Mutated_shipped_layouts_never_throw()
    {
        var random = new Random(5678);
        string[] files = Directory.GetFiles(RepoPaths.Layouts, "*.json");
        Assert.NotEmpty(files);
        byte[][] originals = Array.ConvertAll(files, File.ReadAllBytes);
        ReadOnlySpan<byte> tokens = "{}[],:\"0.-eE/*\n #truefalsnul"u8;
        for (int i = 0; i < 3000; i++)
        {
            byte[] input = (byte[])originals[i % originals.Length].Clone();
            int edits = 1 + random.Next(4);
            for (int e = 0; e < edits; e++)
            {
                int at = random.Next(input.Length);
                input[at] = random.Next(3) == 0 ? (byte)random.Next(256) : tokens[random.Next(tokens.Length)];
            }

            int cut = random.Next(8) == 0 ? random.Next(input.Length) : input.Length;
            AssertRejectedOrValid(input.AsSpan(0, cut));
        }
    }

    [Fact]
    public void Deep_nesting_is_rejected_not_overflowed()
    {
        string text = "{ \"slots\": [ " + new string('[', 10_000) + new string(']', 10_000) + " ] }";
        Assert.False(LayoutParser.TryParse("deep.json", Encoding.UTF8.GetBytes(text), out _, out LayoutError? error));
        Assert.Equal(1, error.Line);
    }

    private static void AssertRejectedOrValid(ReadOnlySpan<byte> input)
    {
        if (LayoutParser.TryParse("fuzz.json", input, out NamedLayout? layout, out LayoutError? error))
        {
            Assert.NotNull(layout);
            if (layout is LayoutDefinition definition)
            {
                Assert.NotEmpty(definition.Slots);
            }
        }
        else
        {
            Assert.Null(layout);
            Assert.False(string.IsNullOrEmpty(error.Message));
            Assert.InRange(error.Line, 0, input.Count((byte)'\n') + 1);
        }
    }
}

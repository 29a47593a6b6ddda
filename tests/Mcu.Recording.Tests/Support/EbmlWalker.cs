namespace Mcu.Recording.Tests.Support;

/// <summary>A minimal EBML reader for the tests: lists the elements in a range of a file, to check its shape.</summary>
internal static class EbmlWalker
{
    public readonly record struct Element(uint Id, long Offset, long DataOffset, long Size)
    {
        public bool HasUnknownSize => Size < 0;

        public long End(long parentEnd) => HasUnknownSize ? parentEnd : DataOffset + Size;
    }

    /// <summary>The elements one after another from <paramref name="start"/> to <paramref name="end"/>; throws on a malformed or truncated one.</summary>
    public static List<Element> Children(byte[] file, long start, long end)
    {
        var elements = new List<Element>();
        var position = start;
        while (position < end)
        {
            var offset = position;
            var id = ReadVint(file, ref position, keepMarker: true, out _);
            var size = ReadVint(file, ref position, keepMarker: false, out var unknown);
            var element = new Element((uint)id, offset, position, unknown ? -1 : (long)size);
            if (element.End(end) > end)
            {
                throw new InvalidDataException($"element 0x{id:X} at {offset} runs past {end}");
            }
            elements.Add(element);
            position = element.End(end);
        }
        return elements;
    }

    public static ulong ReadUnsigned(byte[] file, Element element)
    {
        ulong value = 0;
        for (var i = 0; i < element.Size; i++)
        {
            value = (value << 8) | file[element.DataOffset + i];
        }
        return value;
    }

    private static ulong ReadVint(byte[] file, ref long position, bool keepMarker, out bool unknown)
    {
        var first = file[position];
        var length = System.Numerics.BitOperations.LeadingZeroCount((uint)first) - 23;
        if (length is < 1 or > 8)
        {
            throw new InvalidDataException($"no VINT at {position}");
        }
        var mask = 0xFF >> length;
        ulong value = keepMarker ? first : (ulong)(first & mask);
        var allOnes = (first & mask) == mask;
        for (var i = 1; i < length; i++)
        {
            var b = file[position + i];
            allOnes &= b == 0xFF;
            value = (value << 8) | b;
        }
        position += length;
        unknown = !keepMarker && allOnes;
        return value;
    }
}

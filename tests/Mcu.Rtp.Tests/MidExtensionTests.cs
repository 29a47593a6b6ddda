namespace Mcu.Rtp.Tests;

public class MidExtensionTests
{
    [Fact]
    public void Mid_round_trips_as_ascii()
    {
        var buffer = new byte[16];
        Assert.True(MidExtension.TryWrite(buffer, "audio0", out var written));
        Assert.True(MidExtension.TryRead(buffer.AsSpan(0, written), out var mid));
        Assert.True(MidExtension.IsMatch(mid, "audio0"));
        Assert.False(MidExtension.IsMatch(mid, "audio1"));
        Assert.False(MidExtension.IsMatch(mid, "audio"));
    }

    [Fact]
    public void Empty_non_ascii_and_oversized_mids_are_refused()
    {
        Assert.False(MidExtension.TryRead(ReadOnlySpan<byte>.Empty, out _));
        Assert.False(MidExtension.TryWrite(new byte[16], "", out _));
        Assert.False(MidExtension.TryWrite(new byte[16], "é", out _));
        Assert.False(MidExtension.TryWrite(new byte[2], "abc", out _));
        Assert.False(MidExtension.TryWrite(new byte[300], new string('a', 256), out _));
    }
}

namespace Mcu.Rtp.Tests;

public class AudioLevelExtensionTests
{
    [Theory]
    [InlineData(true, 0, 0x80)]
    [InlineData(false, 127, 0x7F)]
    [InlineData(true, 42, 0xAA)]
    public void Level_and_voice_flag_pack_into_one_octet_per_rfc_6464(bool voice, byte level, byte expected)
    {
        var buffer = new byte[1];
        Assert.True(AudioLevelExtension.TryWrite(buffer, voice, level));
        Assert.Equal(expected, buffer[0]);
        Assert.True(AudioLevelExtension.TryRead(buffer, out var readVoice, out var readLevel));
        Assert.Equal(voice, readVoice);
        Assert.Equal(level, readLevel);
    }

    [Fact]
    public void Out_of_range_level_and_empty_values_are_refused()
    {
        Assert.False(AudioLevelExtension.TryWrite(new byte[1], false, 128));
        Assert.False(AudioLevelExtension.TryWrite(Span<byte>.Empty, false, 1));
        Assert.False(AudioLevelExtension.TryRead(ReadOnlySpan<byte>.Empty, out _, out _));
    }
}

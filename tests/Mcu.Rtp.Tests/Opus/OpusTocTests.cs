using Mcu.Rtp.Opus;

namespace Mcu.Rtp.Tests.Opus;

public class OpusTocTests
{
    [Theory]
    [InlineData(0x78, 15, OpusMode.Hybrid, OpusBandwidth.Fullband, 960, false, 0)]      // Chromium's usual 20 ms hybrid
    [InlineData(0xFC, 31, OpusMode.Celt, OpusBandwidth.Fullband, 960, true, 0)]
    [InlineData(0x08, 1, OpusMode.Silk, OpusBandwidth.Narrowband, 960, false, 0)]
    [InlineData(0x18, 3, OpusMode.Silk, OpusBandwidth.Narrowband, 2880, false, 0)]
    [InlineData(0x4B, 9, OpusMode.Silk, OpusBandwidth.Wideband, 960, false, 3)]
    [InlineData(0x60, 12, OpusMode.Hybrid, OpusBandwidth.SuperWideband, 480, false, 0)]
    [InlineData(0x80, 16, OpusMode.Celt, OpusBandwidth.Narrowband, 120, false, 0)]
    [InlineData(0xA5, 20, OpusMode.Celt, OpusBandwidth.Wideband, 120, true, 1)]
    [InlineData(0xDA, 27, OpusMode.Celt, OpusBandwidth.SuperWideband, 960, false, 2)]
    public void Toc_fields_follow_rfc_6716_table_2(
        int value, int configuration, OpusMode mode, OpusBandwidth bandwidth, int samples, bool stereo, int code)
    {
        var toc = new OpusToc((byte)value);
        Assert.Equal(configuration, toc.Configuration);
        Assert.Equal(mode, toc.Mode);
        Assert.Equal(bandwidth, toc.Bandwidth);
        Assert.Equal(samples, toc.SamplesPerFrame);
        Assert.Equal(stereo, toc.IsStereo);
        Assert.Equal(code, toc.FrameCountCode);
        Assert.Equal(TimeSpan.FromTicks(samples * TimeSpan.TicksPerSecond / 48000), toc.FrameDuration);
    }
}

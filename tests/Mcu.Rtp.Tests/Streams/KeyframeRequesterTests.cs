using Mcu.Rtp.Rtcp;
using Mcu.Rtp.Streams;
using static Mcu.Rtp.Tests.Streams.StreamPackets;

namespace Mcu.Rtp.Tests.Streams;

public class KeyframeRequesterTests
{
    private const uint Sender = 1;
    private const uint Media = 0xCAFE;

    [Fact]
    public void A_pli_goes_out_at_most_every_300_ms_until_a_keyframe_arrives()
    {
        var requester = new KeyframeRequester(Sender, Media);
        var buffer = new byte[100];
        Assert.False(requester.TryWrite(Ms(0), buffer, out _));
        Assert.Equal(TimeSpan.MaxValue, requester.NextDeadline);

        requester.Request();
        Assert.True(requester.TryWrite(Ms(10), buffer, out var written));
        Assert.True(PictureLossIndication.TryParse(buffer.AsSpan(0, written), out var pli));
        Assert.Equal(Sender, pli.SenderSsrc);
        Assert.Equal(Media, pli.MediaSsrc);

        requester.Request();
        Assert.False(requester.TryWrite(Ms(309), buffer, out _));
        Assert.Equal(Ms(310), requester.NextDeadline);
        Assert.True(requester.TryWrite(Ms(310), buffer, out _));

        requester.OnKeyframeReceived();
        Assert.False(requester.TryWrite(Ms(700), buffer, out _));
        Assert.Equal(2, requester.RequestsSent);
    }

    [Fact]
    public void Fir_repetitions_keep_their_sequence_number_and_a_new_need_takes_the_next()
    {
        var requester = new KeyframeRequester(Sender, Media, KeyframeRequestMethod.FullIntraRequest);
        var buffer = new byte[100];

        byte Fir(TimeSpan now)
        {
            Assert.True(requester.TryWrite(now, buffer, out var written));
            Assert.True(FullIntraRequest.TryParse(buffer.AsSpan(0, written), out var fir));
            Assert.Equal(Sender, fir.SenderSsrc);
            Assert.Equal(Media, fir.GetEntry(0).Ssrc);
            return fir.GetEntry(0).SequenceNumber;
        }

        requester.Request();
        Assert.Equal(0, Fir(Ms(0)));
        Assert.Equal(0, Fir(Ms(300)));
        requester.OnKeyframeReceived();
        requester.Request();
        Assert.Equal(1, Fir(Ms(600)));
    }

    [Fact]
    public void A_keyframe_before_any_request_went_out_does_not_consume_a_fir_number()
    {
        var requester = new KeyframeRequester(Sender, Media, KeyframeRequestMethod.FullIntraRequest);
        var buffer = new byte[100];
        requester.Request();
        requester.OnKeyframeReceived();
        requester.Request();

        Assert.True(requester.TryWrite(Ms(0), buffer, out var written));
        Assert.True(FullIntraRequest.TryParse(buffer.AsSpan(0, written), out var fir));
        Assert.Equal(0, fir.GetEntry(0).SequenceNumber);
    }

    [Fact]
    public void Nothing_is_written_into_a_buffer_too_small()
    {
        var requester = new KeyframeRequester(Sender, Media);
        requester.Request();

        Assert.False(requester.TryWrite(Ms(0), new byte[11], out _));
        Assert.Equal(TimeSpan.Zero, requester.NextDeadline);
        Assert.True(requester.TryWrite(Ms(0), new byte[12], out _));
    }
}

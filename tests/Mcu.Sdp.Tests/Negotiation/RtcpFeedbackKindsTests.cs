namespace Mcu.Sdp.Tests;

public class RtcpFeedbackKindsTests
{
    [Fact]
    public void Wildcard_and_specific_lines_combine_for_a_payload_type()
    {
        var media = new MediaDescription();
        media.RtcpFeedbacks.Add(new SdpRtcpFeedback(null, "nack"));
        media.RtcpFeedbacks.Add(new SdpRtcpFeedback(96, "nack", "pli"));
        media.RtcpFeedbacks.Add(new SdpRtcpFeedback(97, "ccm", "fir"));
        media.RtcpFeedbacks.Add(new SdpRtcpFeedback(96, "ccm", "tmmbr"));

        Assert.Equal(RtcpFeedbackKinds.Nack | RtcpFeedbackKinds.NackPli, RtcpFeedbacks.Offered(media, 96));
        Assert.Equal(RtcpFeedbackKinds.Nack | RtcpFeedbackKinds.CcmFir, RtcpFeedbacks.Offered(media, 97));
    }

    [Fact]
    public void Lines_are_written_for_each_kind()
    {
        var media = new MediaDescription();

        RtcpFeedbacks.AddLines(media, 100, RtcpFeedbackKinds.TransportCc | RtcpFeedbackKinds.NackPli);

        Assert.Equal([new SdpRtcpFeedback(100, "transport-cc"), new SdpRtcpFeedback(100, "nack", "pli")], media.RtcpFeedbacks);
    }
}

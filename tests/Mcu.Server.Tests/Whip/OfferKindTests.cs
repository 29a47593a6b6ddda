using Mcu.Conference;
using Mcu.Sdp;
using Mcu.Server.Whip;

namespace Mcu.Server.Tests.Whip;

public sealed class OfferKindTests
{
    [Fact]
    public void Offers_that_only_send_are_publishers_and_anything_that_receives_is_a_participant()
    {
        Assert.Equal(MemberKind.Publisher, OfferKind.Classify(SessionDescription.Parse(TestOffers.SendOnly())));
        Assert.Equal(MemberKind.Participant, OfferKind.Classify(SessionDescription.Parse(TestOffers.SendReceive())));
        Assert.Equal(MemberKind.Participant, OfferKind.Classify(SessionDescription.Parse(TestOffers.Create(sendVideo: false).Sdp)));
    }

    [Theory]
    [InlineData("sendonly", "inactive", MemberKind.Publisher)]
    [InlineData("sendonly", "sendonly", MemberKind.Publisher)]
    [InlineData("sendonly", "recvonly", MemberKind.Participant)]
    [InlineData("sendonly", "sendrecv", MemberKind.Participant)]
    [InlineData("inactive", "inactive", MemberKind.Participant)]
    public void Inactive_m_lines_do_not_count(string audio, string video, MemberKind expected)
    {
        var offer = SessionDescription.Parse(TestOffers.SendReceive());
        offer.Media[0].Direction = Parse(audio);
        offer.Media[1].Direction = Parse(video);
        Assert.Equal(expected, OfferKind.Classify(offer));
    }

    [Fact]
    public void A_rejected_m_line_with_port_zero_does_not_count_and_the_session_level_direction_applies()
    {
        var offer = SessionDescription.Parse(TestOffers.SendReceive());
        offer.Media[0].Direction = MediaDirection.SendOnly;
        offer.Media[1].Port = 0;
        Assert.Equal(MemberKind.Publisher, OfferKind.Classify(offer));

        var sessionLevel = SessionDescription.Parse(TestOffers.SendReceive());
        foreach (var media in sessionLevel.Media)
        {
            media.Direction = null;
        }
        sessionLevel.Direction = MediaDirection.SendOnly;
        Assert.Equal(MemberKind.Publisher, OfferKind.Classify(sessionLevel));
    }

    private static MediaDirection Parse(string name) => MediaDirections.TryParse(name, out var direction) ? direction : throw new ArgumentException(name);
}

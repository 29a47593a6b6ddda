using System.Net;
using System.Text;

namespace Mcu.Sdp.Tests;

/// <summary>Random and mutated input: the parser and the answerer may only ever throw <see cref="SdpException"/>.</summary>
public class SdpParserPropertyTests
{
    private const string Alphabet = "=:/ ;,.-_*~+0123456789aeimostvxABCDEFIPTUVWacdfghnprsuy\r\n\t{}";

    private static readonly string[] Seeds = [.. Fixtures.AllOffers.Select(Fixtures.Offer)];

    [Fact]
    public void Mutated_offers_only_ever_throw_sdp_exception()
    {
        var random = new Random(20240601);
        var answerer = new SdpAnswerer(Fixtures.AnswerOptions());
        int parsed = 0;
        for (int i = 0; i < 3000; i++)
        {
            string mutated = Mutate(Seeds[random.Next(Seeds.Length)], random);
            SessionDescription? offer = ParseOrNull(mutated);
            if (offer is null)
            {
                continue;
            }

            parsed++;
            Assert.Equal(offer.ToString(), SessionDescription.Parse(offer.ToString()).ToString());
            try
            {
                SdpAnswer answer = answerer.CreateAnswer(offer);
                Assert.NotNull(SessionDescription.Parse(answer.Sdp));
            }
            catch (SdpException error)
            {
                Assert.NotEmpty(error.Message);
            }
        }

        // The mutations must leave many offers valid, or the answerer would never be exercised.
        Assert.True(parsed > 300, $"only {parsed} mutated offers parsed");
    }

    [Fact]
    public void Random_text_only_ever_throws_sdp_exception()
    {
        var random = new Random(77);
        var text = new StringBuilder();
        for (int i = 0; i < 3000; i++)
        {
            text.Clear();
            if (random.Next(2) == 0)
            {
                text.Append("v=0\r\n");
            }

            int length = random.Next(0, 400);
            for (int j = 0; j < length; j++)
            {
                text.Append(random.Next(8) == 0 ? (char)random.Next(0, 0x3000) : Alphabet[random.Next(Alphabet.Length)]);
            }

            ParseOrNull(text.ToString());
        }
    }

    [Fact]
    public void Random_bytes_only_ever_throw_sdp_exception()
    {
        var random = new Random(99);
        var parser = new SdpParser();
        for (int i = 0; i < 3000; i++)
        {
            byte[] body = new byte[random.Next(0, 600)];
            random.NextBytes(body);
            if (random.Next(2) == 0 && body.Length > 5)
            {
                "v=0\r\n"u8.CopyTo(body);
            }

            try
            {
                parser.Parse(body);
            }
            catch (SdpException)
            {
            }
        }
    }

    [Fact]
    public void Mutated_candidates_and_fingerprints_only_ever_fail_cleanly()
    {
        var random = new Random(5);
        const string candidate = "candidate:1467250027 1 udp 2122260223 192.168.1.34 53214 typ srflx raddr 10.0.0.1 rport 9 generation 0";
        string fingerprint = Fixtures.McuFingerprint.ToString();
        for (int i = 0; i < 3000; i++)
        {
            if (IceCandidate.TryParse(MutateLine(candidate, random), out IceCandidate? parsed))
            {
                Assert.True(IceCandidate.TryParse(parsed.ToString(), out IceCandidate? again));
                Assert.Equal(parsed.ToString(), again.ToString());
                Assert.Equal(parsed.TryGetEndPoint(out IPEndPoint? endPoint), again.TryGetEndPoint(out IPEndPoint? againEndPoint));
                Assert.Equal(endPoint, againEndPoint);
            }

            if (DtlsFingerprint.TryParse(MutateLine(fingerprint, random), out DtlsFingerprint? digest))
            {
                Assert.Equal(digest, DtlsFingerprint.Parse(digest.ToString()));
            }
        }
    }

    private static SessionDescription? ParseOrNull(string text)
    {
        try
        {
            return SessionDescription.Parse(text);
        }
        catch (SdpException error)
        {
            Assert.NotEmpty(error.Message);
            return null;
        }
    }

    private static string Mutate(string sdp, Random random)
    {
        var lines = new List<string>(Fixtures.Lines(sdp));
        int edits = random.Next(1, 4);
        for (int e = 0; e < edits && lines.Count > 0; e++)
        {
            int at = random.Next(lines.Count);
            switch (random.Next(6))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(random.Next(lines.Count), lines[at]);
                    break;
                case 2:
                    (lines[at], lines[0]) = random.Next(4) == 0 ? (lines[0], lines[at]) : (lines[at], lines[0]);
                    break;
                default:
                    lines[at] = MutateLine(lines[at], random);
                    break;
            }
        }

        return string.Join(random.Next(2) == 0 ? "\r\n" : "\n", lines);
    }

    private static string MutateLine(string line, Random random)
    {
        var text = new StringBuilder(line);
        switch (random.Next(5))
        {
            case 0 when text.Length > 0:
                text[random.Next(text.Length)] = Alphabet[random.Next(Alphabet.Length)];
                break;
            case 1 when text.Length > 0:
                int start = random.Next(text.Length);
                text.Remove(start, random.Next(1, text.Length - start + 1));
                break;
            case 2:
                text.Insert(random.Next(text.Length + 1), random.Next(4) switch
                {
                    0 => "99999999999999999999",
                    1 => " ",
                    2 => "/",
                    _ => random.Next(0, 300).ToString(System.Globalization.CultureInfo.InvariantCulture),
                });
                break;
            case 3 when text.Length > 0:
                text[random.Next(text.Length)] = (char)random.Next(0, 0x80);
                break;
            default:
                text.Append(Alphabet[random.Next(Alphabet.Length)]);
                break;
        }

        return text.ToString();
    }
}

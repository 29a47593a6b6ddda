using System.Diagnostics.CodeAnalysis;

namespace Mcu.Sdp;

/// <summary>The a= lines: typed where the MCU uses them, kept raw otherwise.</summary>
internal sealed partial class SdpReader
{
    private delegate bool AttributeParser<T>(string value, [NotNullWhen(true)] out T? result, [NotNullWhen(false)] out string? error);

    private void ReadSessionAttribute(string text)
    {
        (string name, string? value) = SplitAttribute(text, "the session section");
        switch (name)
        {
            case "group":
                _session.Groups.Add(Parse<SdpGroup>(SdpGroup.TryParse, name, value));
                break;
            case "ice-ufrag":
                RequireFirst(_session.IceUfrag is not null, "a=ice-ufrag");
                _session.IceUfrag = ReadUfrag(value);
                break;
            case "ice-pwd":
                RequireFirst(_session.IcePwd is not null, "a=ice-pwd");
                _session.IcePwd = ReadPwd(value);
                break;
            case "ice-options":
                ReadIceOptions(_session.IceOptions, value);
                break;
            case "ice-lite":
                _session.IceLite = true;
                break;
            case "fingerprint":
                _session.Fingerprints.Add(Parse<DtlsFingerprint>(DtlsFingerprint.TryParse, name, value));
                break;
            case "setup":
                RequireFirst(_session.Setup is not null, "a=setup");
                _session.Setup = ReadSetup(value);
                break;
            case "msid-semantic":
                RequireFirst(_session.MsidSemantic is not null, "a=msid-semantic");
                _session.MsidSemantic = SdpMsidSemantic.TryParse(Require(name, value)) ?? throw Error("a=msid-semantic needs a semantic token.");
                break;
            case "extmap-allow-mixed":
                _session.ExtmapAllowMixed = true;
                break;
            case var _ when MediaDirections.TryParse(name, out MediaDirection direction):
                RequireFirst(_session.Direction is not null, "a direction attribute");
                _session.Direction = direction;
                break;
            default:
                _session.Attributes.Add(new SdpAttributeLine(name, value));
                break;
        }
    }

    private void ReadMediaAttribute(MediaDescription media, string text)
    {
        (string name, string? value) = SplitAttribute(text, "an m= section");
        switch (name)
        {
            case "mid":
                RequireFirst(media.Mid is not null, "a=mid");
                media.Mid = SdpMid.IsValid(Require(name, value)) ? value : throw Error("a=mid must be a token of at most 255 characters.");
                break;
            case var _ when MediaDirections.TryParse(name, out MediaDirection direction):
                RequireFirst(media.Direction is not null, "a direction attribute");
                media.Direction = direction;
                break;
            case "rtpmap" when media.IsRtp:
                SdpRtpMap map = Parse<SdpRtpMap>(SdpRtpMap.TryParse, name, value);
                RequireFirst(media.FindRtpMap(map.PayloadType) is not null, "a=rtpmap for this payload type");
                media.RtpMaps.Add(map);
                break;
            case "fmtp" when media.IsRtp:
                SdpFmtp fmtp = Parse<SdpFmtp>(SdpFmtp.TryParse, name, value);
                RequireFirst(media.FindFmtp(fmtp.PayloadType) is not null, "a=fmtp for this payload type");
                media.Fmtps.Add(fmtp);
                break;
            case "rtcp-fb" when media.IsRtp:
                media.RtcpFeedbacks.Add(Parse<SdpRtcpFeedback>(SdpRtcpFeedback.TryParse, name, value));
                break;
            case "extmap":
                media.Extmaps.Add(Parse<SdpExtmap>(SdpExtmap.TryParse, name, value));
                break;
            case "ssrc":
                media.Ssrcs.Add(Parse<SdpSsrcLine>(SdpSsrcLine.TryParse, name, value));
                break;
            case "ssrc-group":
                media.SsrcGroups.Add(Parse<SdpSsrcGroup>(SdpSsrcGroup.TryParse, name, value));
                break;
            case "msid":
                media.Msids.Add(Parse<SdpMsid>(SdpMsid.TryParse, name, value));
                break;
            case "rid":
                media.Rids.Add(Parse<SdpRid>(SdpRid.TryParse, name, value));
                break;
            case "simulcast":
                RequireFirst(media.Simulcast is not null, "a=simulcast");
                media.Simulcast = Parse<SdpSimulcast>(SdpSimulcast.TryParse, name, value);
                break;
            case "rtcp-mux":
                media.RtcpMux = true;
                break;
            case "rtcp-mux-only":
                media.RtcpMuxOnly = true;
                break;
            case "rtcp-rsize":
                media.RtcpRsize = true;
                break;
            case "bundle-only":
                media.BundleOnly = true;
                break;
            case "extmap-allow-mixed":
                media.ExtmapAllowMixed = true;
                break;
            case "end-of-candidates":
                media.EndOfCandidates = true;
                break;
            case "ice-ufrag":
                RequireFirst(media.IceUfrag is not null, "a=ice-ufrag");
                media.IceUfrag = ReadUfrag(value);
                break;
            case "ice-pwd":
                RequireFirst(media.IcePwd is not null, "a=ice-pwd");
                media.IcePwd = ReadPwd(value);
                break;
            case "ice-options":
                ReadIceOptions(media.IceOptions, value);
                break;
            case "fingerprint":
                media.Fingerprints.Add(Parse<DtlsFingerprint>(DtlsFingerprint.TryParse, name, value));
                break;
            case "setup":
                RequireFirst(media.Setup is not null, "a=setup");
                media.Setup = ReadSetup(value);
                break;
            case "candidate":
                media.Candidates.Add(Parse<IceCandidate>(IceCandidate.TryParse, name, value));
                break;
            case "sctp-port":
                RequireFirst(media.SctpPort is not null, "a=sctp-port");
                media.SctpPort = SdpNumber.TryParse(Require(name, value), 0, 65535, out int sctpPort)
                    ? sctpPort
                    : throw Error("a=sctp-port is not in the range 0-65535.");
                break;
            case "max-message-size":
                RequireFirst(media.MaxMessageSize is not null, "a=max-message-size");
                media.MaxMessageSize = SdpNumber.TryParse(Require(name, value), ulong.MaxValue, out ulong size)
                    ? size
                    : throw Error("a=max-message-size is not a number within 64 bits.");
                break;
            default:
                media.Attributes.Add(new SdpAttributeLine(name, value));
                break;
        }
    }

    private (string Name, string? Value) SplitAttribute(string text, string section)
    {
        if (++_attributes > _limits.MaxAttributesPerSection)
        {
            throw Error($"too many a= lines in {section}; the limit is {_limits.MaxAttributesPerSection}.");
        }

        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string name = colon < 0 ? text : text[..colon];
        if (!SdpToken.IsToken(name))
        {
            throw Error("the attribute name is not a token.");
        }

        return (name, colon < 0 ? null : text[(colon + 1)..]);
    }

    private T Parse<T>(AttributeParser<T> parser, string name, string? value)
        where T : class =>
        parser(Require(name, value), out T? result, out string? error) ? result : throw Error(error);

    private string Require(string name, string? value) =>
        string.IsNullOrWhiteSpace(value) ? throw Error($"a={name} needs a value.") : value;

    private string ReadUfrag(string? value) => IceCredentialSyntax.IsValidUfrag(value?.Trim())
        ? value!.Trim()
        : throw Error("a=ice-ufrag must be 4-256 characters of letters, digits, '+' or '/' (RFC 8839 §5.4).");

    private string ReadPwd(string? value) => IceCredentialSyntax.IsValidPwd(value?.Trim())
        ? value!.Trim()
        : throw Error("a=ice-pwd must be 22-256 characters of letters, digits, '+' or '/' (RFC 8839 §5.4).");

    private DtlsSetup ReadSetup(string? value) => DtlsSetups.TryParse(Require("setup", value).Trim(), out DtlsSetup setup)
        ? setup
        : throw Error("a=setup must be actpass, active, passive or holdconn.");

    private void ReadIceOptions(List<string> options, string? value)
    {
        // RFC 8839 separates options with spaces; libdatachannel writes "ice2,trickle".
        foreach (string option in Require("ice-options", value).Split([' ', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!SdpToken.IsToken(option))
            {
                throw Error("a=ice-options must be tokens.");
            }

            options.Add(option);
        }
    }
}

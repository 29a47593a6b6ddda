using System.Globalization;

namespace Mcu.Sdp;

/// <summary>Keeps RTP header extension ids unambiguous across a BUNDLE group: all bundled m= sections share one
/// RTP session, so one id must mean one extension everywhere (RFC 8843). Some stacks number each section from 1;
/// the first section to claim an id keeps it and later clashing extensions are dropped.</summary>
internal sealed class BundleExtensionIds
{
    private readonly Dictionary<int, (string Uri, string Section)> _owners = [];
    private readonly List<string> _warnings;

    public BundleExtensionIds(List<string> warnings)
    {
        _warnings = warnings;
    }

    /// <summary>Accepts the supported extensions of one section, keeping the offered ids and answering each
    /// direction with its reverse.</summary>
    public (List<SdpExtmap> Accepted, List<SdpExtmap> Dropped) Negotiate(
        MediaDescription offered, int index, string[] supported, bool reverseDirections)
    {
        var accepted = new List<SdpExtmap>();
        var dropped = new List<SdpExtmap>();
        string section = Describe(offered, index);
        foreach (SdpExtmap extmap in offered.Extmaps)
        {
            if (Array.IndexOf(supported, extmap.Uri) < 0)
            {
                continue;
            }

            if (Contains(accepted, extmap.Uri))
            {
                dropped.Add(extmap);
                _warnings.Add($"{section}: dropped a={extmap} because {extmap.Uri} is already mapped in that section.");
                continue;
            }

            if (_owners.TryGetValue(extmap.Id, out (string Uri, string Section) owner) && owner.Uri != extmap.Uri)
            {
                dropped.Add(extmap);
                _warnings.Add(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{section}: dropped a=extmap:{extmap.Id} {extmap.Uri} because id {extmap.Id} already means {owner.Uri} in {owner.Section}; ids must be unique within a BUNDLE group (RFC 8843)."));
                continue;
            }

            _owners.TryAdd(extmap.Id, (extmap.Uri, section));
            accepted.Add(reverseDirections && extmap.Direction is { } direction ? extmap with { Direction = direction.Reverse() } : extmap);
        }

        return (accepted, dropped);
    }

    public static string Describe(MediaDescription media, int index) => media.Mid is null
        ? string.Create(CultureInfo.InvariantCulture, $"m= section {index} ({media.MediaType})")
        : string.Create(CultureInfo.InvariantCulture, $"m= section {index} ({media.MediaType}, mid {media.Mid})");

    private static bool Contains(List<SdpExtmap> extmaps, string uri)
    {
        foreach (SdpExtmap extmap in extmaps)
        {
            if (extmap.Uri == uri)
            {
                return true;
            }
        }

        return false;
    }
}

using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Mcu.Compositor.Layouts;

/// <summary>
/// Reads one layout file (JSON with comments and trailing commas) into a
/// <see cref="LayoutDefinition"/> or a <see cref="LayoutGroup"/>, strictly: unknown fields, wrong
/// types and values outside their range are errors that name the file, the line and the reason.
/// </summary>
/// <remarks>
/// A file with "slots" is a layout, one with "choose" is a group. The name defaults to the file
/// name without its extension. Cross-file rules (unknown layouts named by groups, cycles,
/// duplicate names) are the catalog's; see <see cref="LayoutFileSet"/>.
/// </remarks>
public static class LayoutParser
{
    /// <summary>Largest file accepted; layout files are a few kilobytes.</summary>
    public const int MaxFileBytes = 256 * 1024;

    private static readonly string[] TopFields = ["name", "description", "background", "slots", "choose"];
    private static readonly string[] SlotFields = ["x", "y", "width", "height", "z", "fit", "role", "label", "border", "radius"];
    private static readonly string[] BorderFields = ["width", "color"];
    private static readonly string[] ChoiceFields = ["upTo", "layout"];

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Parses the text of <paramref name="fileName"/>; never throws for bad content.</summary>
    public static bool TryParse(
        string fileName, string text,
        [NotNullWhen(true)] out NamedLayout? layout, [NotNullWhen(false)] out LayoutError? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(fileName, Encoding.UTF8.GetBytes(text), out layout, out error);
    }

    /// <summary>Parses the UTF-8 bytes of <paramref name="fileName"/>; never throws for bad content.</summary>
    public static bool TryParse(
        string fileName, ReadOnlySpan<byte> utf8,
        [NotNullWhen(true)] out NamedLayout? layout, [NotNullWhen(false)] out LayoutError? error)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        layout = null;
        error = null;
        if (utf8.Length > MaxFileBytes)
        {
            error = new LayoutError(fileName, 0, $"the file is larger than {MaxFileBytes} bytes");
            return false;
        }

        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(bom))
        {
            utf8 = utf8[bom.Length..];
        }

        if (utf8.Trim(" \t\r\n"u8).IsEmpty)
        {
            error = new LayoutError(fileName, 1, "the file is empty; it must hold one JSON object");
            return false;
        }

        // The JSON reader checks UTF-8 only where it looks; names and strings must decode.
        if (InvalidUtf8At(utf8) is int bad)
        {
            error = new LayoutError(fileName, utf8[..bad].Count((byte)'\n') + 1, "the file is not valid UTF-8 text");
            return false;
        }

        var reader = new FileReader(fileName, utf8);
        try
        {
            layout = reader.ReadFile();
            return true;
        }
        catch (LayoutFileException e)
        {
            error = new LayoutError(fileName, e.Line, e.Message);
        }
        catch (JsonException e)
        {
            error = new LayoutError(fileName, (int)(e.LineNumber ?? -1) + 1, SyntaxMessage(e.Message));
        }
        catch (ArgumentException e)
        {
            // The model's own checks, should a rule slip past the field checks above them.
            error = new LayoutError(fileName, 0, e.Message);
        }

        return false;
    }

    /// <summary>Offset of the first byte that is not part of a valid UTF-8 sequence, or null.</summary>
    private static int? InvalidUtf8At(ReadOnlySpan<byte> utf8)
    {
        int offset = 0;
        while (offset < utf8.Length)
        {
            if (Rune.DecodeFromUtf8(utf8[offset..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return null;
    }

    /// <summary>System.Text.Json appends its own position; the error already carries the line.</summary>
    private static string SyntaxMessage(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string reason = (at >= 0 ? message[..at] : message).TrimEnd('.', ' ');
        return "invalid JSON: " + reason;
    }

    /// <summary>A rule broken at a line; caught in <see cref="TryParse(string, ReadOnlySpan{byte}, out NamedLayout?, out LayoutError?)"/>.</summary>
    private sealed class LayoutFileException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    /// <summary>Walks the tokens once, remembering lines for messages.</summary>
    private ref struct FileReader
    {
        private readonly string _fileName;
        private readonly ReadOnlySpan<byte> _utf8;
        private Utf8JsonReader _json;

        public FileReader(string fileName, ReadOnlySpan<byte> utf8)
        {
            _fileName = fileName;
            _utf8 = utf8;
            _json = new Utf8JsonReader(utf8, ReaderOptions);
        }

        /// <summary>1-based line of the current token.</summary>
        private readonly int Line
        {
            get
            {
                int end = (int)Math.Min(_json.TokenStartIndex, _utf8.Length);
                return _utf8[..end].Count((byte)'\n') + 1;
            }
        }

        public NamedLayout ReadFile()
        {
            Advance();
            if (_json.TokenType != JsonTokenType.StartObject)
            {
                Fail(Line, "the file must hold one JSON object");
            }

            string? name = null;
            int nameLine = 0;
            string description = string.Empty;
            LayoutColor? background = null;
            int backgroundLine = 0;
            List<LayoutSlot>? slots = null;
            int slotsLine = 0;
            List<LayoutChoice>? choices = null;
            int chooseLine = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(TopFields, seen, out string field, out int line))
            {
                switch (field)
                {
                    case "name":
                        name = ReadString(field);
                        nameLine = line;
                        if (LayoutRules.CheckName(name) is string nameError)
                        {
                            Fail(line, nameError);
                        }

                        break;
                    case "description":
                        description = ReadString(field);
                        break;
                    case "background":
                        background = ReadColor(field);
                        backgroundLine = line;
                        break;
                    case "slots":
                        slotsLine = line;
                        slots = ReadSlots();
                        break;
                    default:
                        chooseLine = line;
                        choices = ReadChoices();
                        break;
                }
            }

            // Exactly one top-level value: anything after it is a syntax error from the reader.
            _json.Read();

            if (slots is not null && choices is not null)
            {
                Fail(Math.Max(slotsLine, chooseLine), "a file holds either \"slots\" (a layout) or \"choose\" (a group), not both");
            }

            if (slots is null && choices is null)
            {
                Fail(1, "a layout needs \"slots\"; a group needs \"choose\"");
            }

            if (name is null)
            {
                name = Path.GetFileNameWithoutExtension(_fileName);
                if (LayoutRules.CheckName(name) is string fileNameError)
                {
                    Fail(0, "the file name does not make a layout name (give a \"name\"): " + fileNameError);
                }
            }

            if (choices is not null)
            {
                if (background is not null)
                {
                    Fail(backgroundLine, "\"background\" applies to layouts, not to groups");
                }

                return new LayoutGroup(name, choices, description) { NameLine = nameLine };
            }

            return new LayoutDefinition(name, slots!, background ?? LayoutDefinition.DefaultBackground, description) { NameLine = nameLine };
        }

        private List<LayoutSlot> ReadSlots()
        {
            int line = StartArray("slots");
            var slots = new List<LayoutSlot>();
            while (NextElement())
            {
                slots.Add(ReadSlot(slots.Count + 1));
            }

            if (slots.Count == 0)
            {
                Fail(line, "\"slots\" must list at least one slot");
            }

            return slots;
        }

        private LayoutSlot ReadSlot(int index)
        {
            int slotLine = StartObject(Invariant($"slot {index}"));
            double? x = null, y = null, width = null, height = null;
            int widthLine = 0, heightLine = 0;
            int z = 0;
            SlotFit fit = SlotFit.Cover;
            SlotRole role = SlotRole.Participant;
            bool label = true;
            SlotBorder? border = null;
            double radius = 0;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(SlotFields, seen, out string field, out int line))
            {
                switch (field)
                {
                    case "x":
                        x = Check(ReadNumber(field), LayoutRules.CheckPosition, field, line);
                        break;
                    case "y":
                        y = Check(ReadNumber(field), LayoutRules.CheckPosition, field, line);
                        break;
                    case "width":
                        width = Check(ReadNumber(field), LayoutRules.CheckSize, field, line);
                        widthLine = line;
                        break;
                    case "height":
                        height = Check(ReadNumber(field), LayoutRules.CheckSize, field, line);
                        heightLine = line;
                        break;
                    case "z":
                        z = ReadInt(field);
                        break;
                    case "fit":
                        fit = ReadString(field) switch
                        {
                            "cover" => SlotFit.Cover,
                            "contain" => SlotFit.Contain,
                            string other => Fail<SlotFit>(line, $"\"fit\" must be \"cover\" or \"contain\" (was \"{other}\")"),
                        };
                        break;
                    case "role":
                        role = ReadString(field) switch
                        {
                            "participant" => SlotRole.Participant,
                            "speaker" => SlotRole.Speaker,
                            string other => Fail<SlotRole>(line, $"\"role\" must be \"participant\" or \"speaker\" (was \"{other}\")"),
                        };
                        break;
                    case "label":
                        label = ReadBool(field);
                        break;
                    case "border":
                        border = ReadBorder();
                        break;
                    default:
                        radius = ReadNumber(field);
                        if (LayoutRules.CheckRadius(radius) is string radiusError)
                        {
                            Fail(line, radiusError);
                        }

                        break;
                }
            }

            if (x is null || y is null || width is null || height is null)
            {
                string missing = x is null ? "x" : y is null ? "y" : width is null ? "width" : "height";
                Fail(slotLine, Invariant($"slot {index} is missing \"{missing}\""));
            }

            if (LayoutRules.CheckExtent(x.Value, width.Value, "x", "width", "right") is string right)
            {
                Fail(widthLine, right);
            }

            if (LayoutRules.CheckExtent(y.Value, height.Value, "y", "height", "bottom") is string bottom)
            {
                Fail(heightLine, bottom);
            }

            return new LayoutSlot(x.Value, y.Value, width.Value, height.Value)
            {
                Z = z,
                Fit = fit,
                Role = role,
                Label = label,
                Border = border,
                Radius = radius,
            };
        }

        private SlotBorder ReadBorder()
        {
            int borderLine = StartObject("border");
            double? width = null;
            LayoutColor? color = null;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(BorderFields, seen, out string field, out int line))
            {
                if (field == "width")
                {
                    width = ReadNumber(field);
                    if (LayoutRules.CheckBorderWidth(width.Value) is string widthError)
                    {
                        Fail(line, widthError);
                    }
                }
                else
                {
                    color = ReadColor(field);
                }
            }

            if (width is null || color is null)
            {
                Fail(borderLine, Invariant($"\"border\" needs \"{(width is null ? "width" : "color")}\""));
            }

            return new SlotBorder(width.Value, color.Value);
        }

        private List<LayoutChoice> ReadChoices()
        {
            int line = StartArray("choose");
            var choices = new List<LayoutChoice>();
            var upToLines = new List<(int? UpTo, int Line)>();
            while (NextElement())
            {
                choices.Add(ReadChoice(choices.Count + 1, upToLines));
            }

            if (choices.Count == 0)
            {
                Fail(line, "\"choose\" must list at least one entry");
            }

            int? previous = null;
            for (int i = 0; i < choices.Count; i++)
            {
                (int? upTo, int upToLine) = upToLines[i];
                if (upTo is int value)
                {
                    if (LayoutRules.CheckUpTo(value, previous) is string upToError)
                    {
                        Fail(upToLine, upToError);
                    }
                }
                else if (i < choices.Count - 1)
                {
                    Fail(choices[i].Line, Invariant($"entry {i + 1} needs \"upTo\": only the last entry may omit it (it then serves every larger count)"));
                }

                previous = upTo;
            }

            return choices;
        }

        private LayoutChoice ReadChoice(int index, List<(int? UpTo, int Line)> upToLines)
        {
            int entryLine = StartObject(Invariant($"entry {index} of \"choose\""));
            int? upTo = null;
            int upToLine = entryLine;
            string? layout = null;
            int layoutLine = entryLine;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (NextProperty(ChoiceFields, seen, out string field, out int line))
            {
                if (field == "upTo")
                {
                    upTo = ReadInt(field);
                    upToLine = line;
                }
                else
                {
                    layout = ReadString(field);
                    layoutLine = line;
                    if (LayoutRules.CheckName(layout) is string nameError)
                    {
                        Fail(line, nameError);
                    }
                }
            }

            if (layout is null)
            {
                Fail(entryLine, Invariant($"entry {index} of \"choose\" needs \"layout\""));
            }

            upToLines.Add((upTo, upToLine));
            return new LayoutChoice(upTo, layout) { Line = layoutLine };
        }

        /// <summary>Reads the next property name of the current object; false at its end.</summary>
        private bool NextProperty(ReadOnlySpan<string> known, HashSet<string> seen, out string field, out int line)
        {
            Advance();
            if (_json.TokenType == JsonTokenType.EndObject)
            {
                field = string.Empty;
                line = 0;
                return false;
            }

            line = Line;
            field = _json.GetString()!;
            if (!known.Contains(field))
            {
                string? suggestion = FieldSuggestion.Closest(field, known);
                Fail(line, suggestion is not null
                    ? $"unknown field \"{field}\"; did you mean \"{suggestion}\"?"
                    : $"unknown field \"{field}\"; expected one of: {string.Join(", ", known.ToArray())}");
            }

            if (!seen.Add(field))
            {
                Fail(line, $"field \"{field}\" appears twice");
            }

            Advance();
            return true;
        }

        /// <summary>Moves to the next element of the current array; false at its end.</summary>
        private bool NextElement()
        {
            Advance();
            return _json.TokenType != JsonTokenType.EndArray;
        }

        private int StartArray(string what)
        {
            if (_json.TokenType != JsonTokenType.StartArray)
            {
                Fail(Line, $"\"{what}\" must be an array");
            }

            return Line;
        }

        private int StartObject(string what)
        {
            if (_json.TokenType != JsonTokenType.StartObject)
            {
                Fail(Line, $"{what} must be an object");
            }

            return Line;
        }

        private void Advance()
        {
            if (!_json.Read())
            {
                Fail(Line, "the file ends early");
            }
        }

        private readonly double ReadNumber(string field)
        {
            if (_json.TokenType != JsonTokenType.Number || !_json.TryGetDouble(out double value))
            {
                return Fail<double>(Line, $"\"{field}\" must be a number");
            }

            return value;
        }

        private readonly int ReadInt(string field)
        {
            if (_json.TokenType != JsonTokenType.Number || !_json.TryGetInt32(out int value))
            {
                return Fail<int>(Line, $"\"{field}\" must be a whole number");
            }

            return value;
        }

        private readonly bool ReadBool(string field) => _json.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => Fail<bool>(Line, $"\"{field}\" must be true or false"),
        };

        private readonly string ReadString(string field) =>
            _json.TokenType == JsonTokenType.String ? _json.GetString()! : Fail<string>(Line, $"\"{field}\" must be a string");

        private readonly LayoutColor ReadColor(string field)
        {
            string text = ReadString(field);
            return LayoutColor.TryParse(text, out LayoutColor color)
                ? color
                : Fail<LayoutColor>(Line, $"\"{field}\" must be a colour written \"#rrggbb\" (was \"{text}\")");
        }

        private static double Check(double value, Func<double, string, string?> rule, string field, int line)
        {
            if (rule(value, field) is string error)
            {
                Fail(line, error);
            }

            return value;
        }

        private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

        [DoesNotReturn]
        private static void Fail(int line, string message) => throw new LayoutFileException(line, message);

        [DoesNotReturn]
        private static T Fail<T>(int line, string message) => throw new LayoutFileException(line, message);
    }
}

using Mcu.Compositor.Layouts;
using Mcu.Media.Native;
using Mcu.Media.Video;
using SkiaSharp;

namespace Mcu.Compositor;

/// <summary>
/// Composes one room's output picture: each slot's latest frame scaled in YUV into a persistent
/// I420 canvas, with Skia-drawn labels, borders, rounded corners and placeholders blended from
/// cached YUV overlays. One per room output; single-threaded; reused every frame.
/// </summary>
/// <remarks>
/// <para>Only what changed is redrawn: a tile whose frame, occupant and name are unchanged keeps
/// its pixels from the previous call. Redrawing a slot also redraws the slots drawn on top of it
/// that overlap it (picture-in-picture). A different layout instance, or a slot that becomes
/// empty, redraws the whole canvas.</para>
/// <para>Skia draws decorations into small BGRA bitmaps only when a layout, size or name
/// changes; each is converted to Y'CbCr with alpha once, so the per-frame work is scaling
/// (libyuv where it has a fast path, else <see cref="BilinearScaler"/>) plus blending the
/// decorated pixels. The canvas is never converted to RGB and back, and steady-state calls
/// allocate nothing.</para>
/// </remarks>
public sealed class VideoCompositor : IDisposable
{
    private readonly CompositorOptions _options;
    private readonly I420Frame _canvas;
    private LayoutDefinition? _layout;
    private SlotState[] _slots = [];
    private byte[] _rowBuffer = [];
    private bool _disposed;

    /// <summary>Creates a compositor with a canvas of the configured size, filled with black.</summary>
    /// <exception cref="ArgumentException">The size is not even or out of range.</exception>
    public VideoCompositor(CompositorOptions? options = null)
    {
        _options = options ?? new CompositorOptions();
        _canvas = I420Frame.Allocate(_options.Width, _options.Height);
        Yuv.Fill(_canvas, new PixelRect(0, 0, _canvas.Width, _canvas.Height), YuvColor.Black);
    }

    /// <summary>The output picture; <see cref="Compose"/> updates it in place, so copy it before the next call if another thread reads it.</summary>
    public I420Frame Canvas
    {
        get
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            return _canvas;
        }
    }

    /// <summary>How many tiles the last <see cref="Compose"/> call drew (0 when nothing changed).</summary>
    public int LastRedrawnTiles { get; private set; }

    /// <summary>
    /// Brings the canvas up to date with <paramref name="tiles"/> (one per slot of
    /// <paramref name="layout"/>, in slot order, e.g. from <see cref="SlotAssignment"/>) and returns it.
    /// </summary>
    /// <exception cref="ArgumentException">The tile count differs from the slot count.</exception>
    /// <exception cref="ObjectDisposedException">The compositor or a frame is disposed.</exception>
    public I420Frame Compose(LayoutDefinition layout, ReadOnlySpan<CompositorTile> tiles)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentNullException.ThrowIfNull(layout);
        if (tiles.Length != layout.Slots.Length)
        {
            ThrowTileCount(tiles.Length, layout.Slots.Length);
        }

        bool everything = false;
        if (!ReferenceEquals(layout, _layout))
        {
            UseLayout(layout);
            everything = true;
        }

        SlotState[] slots = _slots;
        for (int i = 0; i < slots.Length; i++)
        {
            everything |= slots[i].Update(tiles[slots[i].Index]);
        }

        if (everything)
        {
            Yuv.Fill(_canvas, new PixelRect(0, 0, _canvas.Width, _canvas.Height), layout.Background.ToYuv());
            for (int i = 0; i < slots.Length; i++)
            {
                slots[i].Dirty = !tiles[slots[i].Index].IsEmpty;
            }
        }

        // Slots are kept in draw order; a redrawn slot paints over those above it, which must follow.
        int redrawn = 0;
        for (int i = 0; i < slots.Length; i++)
        {
            SlotState slot = slots[i];
            if (!slot.Dirty)
            {
                continue;
            }

            foreach (int above in slot.Above)
            {
                slots[above].Dirty |= !tiles[slots[above].Index].IsEmpty;
            }

            Draw(slot, tiles[slot.Index]);
            slot.Dirty = false;
            redrawn++;
        }

        LastRedrawnTiles = redrawn;
        return _canvas;
    }

    /// <summary>Frees the canvas and cached tiles.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        ReleaseSlots();
        _canvas.Dispose();
    }

    private static void ThrowTileCount(int tiles, int slots) =>
        ThrowHelper.ThrowArgument($"{tiles} tiles were given for a layout of {slots} slots.", nameof(tiles));

    /// <summary>Slot geometry, draw order and overlaps for a new layout (allocates; not per frame).</summary>
    private void UseLayout(LayoutDefinition layout)
    {
        ReleaseSlots();
        int count = layout.Slots.Length;
        var slots = new SlotState[count];
        for (int i = 0; i < count; i++)
        {
            LayoutSlot slot = layout.Slots[i];
            slots[i] = new SlotState(i, slot, SlotGeometry.SlotRect(slot, _canvas.Width, _canvas.Height));
        }

        // Ties in z keep file order.
        Array.Sort(slots, static (a, b) => a.Slot.Z != b.Slot.Z ? a.Slot.Z.CompareTo(b.Slot.Z) : a.Index.CompareTo(b.Index));
        for (int i = 0; i < count; i++)
        {
            var above = new List<int>();
            for (int j = i + 1; j < count; j++)
            {
                if (Intersects(slots[i].Rect, slots[j].Rect))
                {
                    above.Add(j);
                }
            }

            slots[i].Above = [.. above];
        }

        _slots = slots;
        _layout = layout;
    }

    private void ReleaseSlots()
    {
        foreach (SlotState slot in _slots)
        {
            slot.Dispose();
        }

        _slots = [];
        _layout = null;
    }

    private void Draw(SlotState slot, in CompositorTile tile)
    {
        LayoutDefinition layout = _layout!;
        PixelRect rect = slot.Rect;
        if (tile.Frame is { } frame)
        {
            // Contain decorates the picture, not the bars around it.
            PixelRect picture = rect;
            if (slot.Slot.Fit == SlotFit.Contain)
            {
                picture = SlotGeometry.ContainRect(frame.Width, frame.Height, rect);
                FillLetterbox(rect, picture, layout.Background.ToYuv());
                ScaleInto(slot, frame.AsView(), picture);
            }
            else
            {
                ScaleInto(slot, frame.AsView().Crop(SlotGeometry.CoverCrop(frame.Width, frame.Height, rect)), rect);
            }

            slot.VideoOverlay(layout.Background, tile.DisplayName, picture.Width, picture.Height)?.BlendOnto(_canvas, picture.X, picture.Y);
        }
        else
        {
            Yuv.Copy(slot.Placeholder(_options.PlaceholderColor, tile.DisplayName).AsView(), _canvas, rect.X, rect.Y);
            slot.PlaceholderOverlay(layout.Background)?.BlendOnto(_canvas, rect.X, rect.Y);
        }
    }

    private void FillLetterbox(PixelRect outer, PixelRect inner, YuvColor colour)
    {
        if (inner.Y > outer.Y)
        {
            Yuv.Fill(_canvas, new PixelRect(outer.X, outer.Y, outer.Width, inner.Y - outer.Y), colour);
        }

        if (inner.Bottom < outer.Bottom)
        {
            Yuv.Fill(_canvas, new PixelRect(outer.X, inner.Bottom, outer.Width, outer.Bottom - inner.Bottom), colour);
        }

        if (inner.X > outer.X)
        {
            Yuv.Fill(_canvas, new PixelRect(outer.X, inner.Y, inner.X - outer.X, inner.Height), colour);
        }

        if (inner.Right < outer.Right)
        {
            Yuv.Fill(_canvas, new PixelRect(inner.Right, inner.Y, outer.Right - inner.Right, inner.Height), colour);
        }
    }

    /// <summary>
    /// Scales with whichever is cheaper: libyuv where it has dedicated row functions, else the
    /// bilinear scaler (after libyuv halves reductions of 2x or more, alias-free and fast).
    /// </summary>
    private void ScaleInto(SlotState slot, scoped I420View source, PixelRect target)
    {
        if (_options.Filter is ScaleFilter filter)
        {
            Yuv.Scale(source, _canvas, target, filter);
            return;
        }

        if (LibyuvIsFast(source.Width, target.Width) && LibyuvIsFast(source.Height, target.Height))
        {
            Yuv.Scale(source, _canvas, target, source.Width > target.Width ? ScaleFilter.Box : ScaleFilter.Bilinear);
            return;
        }

        int factor = 1;
        while (factor < 4 && source.Width >= 2 * factor * target.Width && source.Height >= 2 * factor * target.Height)
        {
            factor *= 2;
        }

        if (factor > 1)
        {
            I420Frame shrunk = slot.Shrunk((source.Width / factor) & ~1, (source.Height / factor) & ~1);
            Yuv.Scale(source.Crop(new PixelRect(0, 0, shrunk.Width * factor, shrunk.Height * factor)), shrunk, new PixelRect(0, 0, shrunk.Width, shrunk.Height), ScaleFilter.Box);
            source = shrunk.AsView();
        }

        if (slot.Scaler(source.Width, source.Height, target.Width, target.Height) is not BilinearScaler scaler)
        {
            // Reductions beyond 8x, slivers narrower than 16 pixels, or a CPU without SSSE3.
            Yuv.Scale(source, _canvas, target, source.Width > target.Width ? ScaleFilter.Box : ScaleFilter.Bilinear);
            return;
        }

        if (_rowBuffer.Length < scaler.RowBufferLength)
        {
            _rowBuffer = new byte[scaler.RowBufferLength];
        }

        scaler.Scale(source, _canvas, target, _rowBuffer);
    }

    /// <summary>Ratios libyuv scales with dedicated row functions: 1:1, 2:1 and 4:1 down, 1:2 up, 4:3 down.</summary>
    private static bool LibyuvIsFast(int source, int target) =>
        source == target || source == 2 * target || source == 4 * target || 2 * source == target || 3 * source == 4 * target;

    private static bool Intersects(PixelRect a, PixelRect b) =>
        a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;

    /// <summary>One slot's geometry, what it showed last, and its cached drawings.</summary>
    private sealed class SlotState(int index, LayoutSlot slot, PixelRect rect) : IDisposable
    {
        private string? _participantId;
        private string? _name;
        private bool _hasFrame;
        private int _frameWidth;
        private int _frameHeight;
        private TileOverlay? _videoOverlay;
        private string? _videoOverlayName;
        private int _videoOverlayWidth;
        private int _videoOverlayHeight;
        private TileOverlay? _placeholderOverlay;
        private bool _placeholderOverlayReady;
        private I420Frame? _placeholder;
        private string? _placeholderName;
        private I420Frame? _shrunk;
        private BilinearScaler? _scaler;
        private (int, int, int, int) _scalerSizes;

        /// <summary>Position in the layout's slot list (and in the tiles).</summary>
        public int Index { get; } = index;

        public LayoutSlot Slot { get; } = slot;

        public PixelRect Rect { get; } = rect;

        /// <summary>Indexes (in draw order) of later slots that overlap this one.</summary>
        public int[] Above { get; set; } = [];

        public bool Dirty { get; set; }

        /// <summary>Records the tile; marks the slot dirty if it changed. True when the canvas must be redrawn whole.</summary>
        public bool Update(in CompositorTile tile)
        {
            if (tile.IsEmpty)
            {
                bool wasShown = _participantId is not null;
                _participantId = null;
                return wasShown;
            }

            IPicture? frame = tile.Frame;
            bool hasFrame = frame is not null;
            int width = frame?.Width ?? 0;
            int height = frame?.Height ?? 0;
            if (!string.Equals(_participantId, tile.ParticipantId, StringComparison.Ordinal)
                || !string.Equals(_name, tile.DisplayName, StringComparison.Ordinal)
                || hasFrame != _hasFrame || (hasFrame && (tile.FrameChanged || width != _frameWidth || height != _frameHeight)))
            {
                Dirty = true;
            }

            _participantId = tile.ParticipantId;
            _name = tile.DisplayName;
            _hasFrame = hasFrame;
            _frameWidth = width;
            _frameHeight = height;
            return false;
        }

        /// <summary>Label (when the slot shows one), border and corners over a width x height picture.</summary>
        public TileOverlay? VideoOverlay(LayoutColor background, string? name, int width, int height)
        {
            string? label = Slot.Label ? name : null;
            if (width != _videoOverlayWidth || height != _videoOverlayHeight || !string.Equals(label, _videoOverlayName, StringComparison.Ordinal))
            {
                _videoOverlay = Render(background, label, width, height);
                _videoOverlayName = label;
                _videoOverlayWidth = width;
                _videoOverlayHeight = height;
            }

            return _videoOverlay;
        }

        /// <summary>Border and corners over a placeholder, which shows the name itself.</summary>
        public TileOverlay? PlaceholderOverlay(LayoutColor background)
        {
            if (!_placeholderOverlayReady)
            {
                _placeholderOverlay = Render(background, label: null, Rect.Width, Rect.Height);
                _placeholderOverlayReady = true;
            }

            return _placeholderOverlay;
        }

        /// <summary>The placeholder tile for the name, rendered by Skia and converted to I420 once.</summary>
        public I420Frame Placeholder(LayoutColor colour, string? name)
        {
            if (_placeholder is null || !string.Equals(name, _placeholderName, StringComparison.Ordinal))
            {
                _placeholder ??= I420Frame.Allocate(Rect.Width, Rect.Height);
                using SKBitmap bitmap = TilePainter.PaintPlaceholder(Rect.Width, Rect.Height, colour, name);
                Yuv.FromPacked(bitmap.GetPixelSpan(), bitmap.RowBytes, PackedPixelFormat.Bgra, _placeholder);
                _placeholderName = name;
            }

            return _placeholder;
        }

        /// <summary>A scratch frame for pictures pre-shrunk by libyuv, kept while its size is needed.</summary>
        public I420Frame Shrunk(int width, int height)
        {
            if (_shrunk is null || _shrunk.Width != width || _shrunk.Height != height)
            {
                _shrunk?.Dispose();
                _shrunk = I420Frame.Allocate(width, height);
            }

            return _shrunk;
        }

        /// <summary>The bilinear scaler for these sizes, or null when it does not apply; rebuilt when the sizes change.</summary>
        public BilinearScaler? Scaler(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight)
        {
            (int, int, int, int) sizes = (sourceWidth, sourceHeight, targetWidth, targetHeight);
            if (sizes != _scalerSizes)
            {
                _scaler = BilinearScaler.TryCreate(sourceWidth, sourceHeight, targetWidth, targetHeight);
                _scalerSizes = sizes;
            }

            return _scaler;
        }

        public void Dispose()
        {
            _placeholder?.Dispose();
            _shrunk?.Dispose();
        }

        private TileOverlay? Render(LayoutColor background, string? label, int width, int height)
        {
            if (string.IsNullOrEmpty(label) && Slot.Border is null && Slot.Radius <= 0)
            {
                return null;
            }

            using SKBitmap bitmap = TilePainter.PaintDecorations(width, height, Slot, background, label);
            return TileOverlay.FromPremultipliedBgra(bitmap.GetPixelSpan(), bitmap.RowBytes, width, height);
        }
    }
}

using Mcu.Compositor;
using Mcu.Compositor.Layouts;

namespace Mcu.Server.Api;

/// <summary>The layouts part of the control API: what the layouts directory holds, its errors, and previews.</summary>
internal static class LayoutEndpoints
{
    private const int MinSize = 16;
    private const int MaxWidth = 1920;
    private const int MaxHeight = 1080;

    public static void Map(RouteGroupBuilder api)
    {
        var layouts = api.MapGroup("/layouts");
        layouts.MapGet("/", (LayoutCatalog catalog) =>
        {
            var snapshot = catalog.Current;
            var list = new List<LayoutInfo>(snapshot.Layouts.Length);
            foreach (var layout in snapshot.Layouts)
            {
                list.Add(new LayoutInfo(layout.Name, layout.Description, layout is LayoutGroup ? "group" : "layout"));
            }
            var errors = new List<LayoutErrorInfo>(snapshot.Errors.Length);
            foreach (var error in snapshot.Errors)
            {
                errors.Add(new LayoutErrorInfo(error.File, error.Line, error.Message));
            }
            return Results.Ok(new LayoutList(list, errors));
        });
        layouts.MapGet("/{name}/preview.png", (string name, int? width, int? height, int? participants, LayoutCatalog catalog) =>
        {
            var w = width ?? 320;
            var h = height ?? 180;
            if (w is < MinSize or > MaxWidth || h is < MinSize or > MaxHeight)
            {
                return HttpProblems.BadRequest($"The preview size must be between {MinSize}x{MinSize} and {MaxWidth}x{MaxHeight}.");
            }
            // A group chooses by the number of participants; four shows the typical choice.
            var count = Math.Clamp(participants ?? 4, 1, 64);
            if (catalog.Resolve(name, count) is not { } layout)
            {
                return HttpProblems.NotFound($"There is no layout or group '{name}'.");
            }
            // The compositor works on I420, whose chroma planes need even sizes.
            var png = LayoutPreview.RenderPng(layout, w & ~1, h & ~1);
            return Results.File(png, "image/png");
        });
    }

    private sealed record LayoutInfo(string Name, string Description, string Kind);

    private sealed record LayoutErrorInfo(string File, int Line, string Message);

    private sealed record LayoutList(IReadOnlyList<LayoutInfo> Layouts, IReadOnlyList<LayoutErrorInfo> Errors);
}

namespace Mcu.Server.Tests.BrowserApp;

/// <summary>
/// Tests that start Chromium run one class at a time: each starts one to three browsers, and two
/// such classes at once would not fit on the two cores the suite is sized for.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserTestGroup
{
    public const string Name = "Browser app in Chromium";
}

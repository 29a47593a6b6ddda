namespace Mcu.Server.Api;

/// <summary>A result with response headers set before it runs (Location, ETag, Link...).</summary>
internal sealed class ResultWithHeaders(IResult inner, Action<IHeaderDictionary> setHeaders) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        setHeaders(httpContext.Response.Headers);
        return inner.ExecuteAsync(httpContext);
    }
}

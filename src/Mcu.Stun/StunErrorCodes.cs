namespace Mcu.Stun;

/// <summary>STUN error codes and their reason phrases (RFC 8489 section 14.8, RFC 8445 section 16.1).</summary>
public static class StunErrorCodes
{
    /// <summary>400: the request was malformed.</summary>
    public const int BadRequest = 400;

    /// <summary>401: the request lacked valid credentials.</summary>
    public const int Unauthenticated = 401;

    /// <summary>420: the request carried comprehension-required attributes we do not know.</summary>
    public const int UnknownAttribute = 420;

    /// <summary>487: both ICE agents claimed the same role (RFC 8445 section 7.3.1.1).</summary>
    public const int RoleConflict = 487;

    /// <summary>500: temporary server error.</summary>
    public const int ServerError = 500;

    /// <summary>The recommended reason phrase for a code, as UTF-8; empty for codes not listed here.</summary>
    public static ReadOnlySpan<byte> GetReason(int code) => code switch
    {
        BadRequest => "Bad Request"u8,
        Unauthenticated => "Unauthenticated"u8,
        UnknownAttribute => "Unknown Attribute"u8,
        RoleConflict => "Role Conflict"u8,
        ServerError => "Server Error"u8,
        _ => [],
    };
}

namespace Mcu.Stun.Ice;

/// <summary>The ICE role (RFC 8445 section 6.1.1): the controlling agent nominates the pair.</summary>
public enum IceRole
{
    /// <summary>Nominates pairs with USE-CANDIDATE; sends ICE-CONTROLLING.</summary>
    Controlling,

    /// <summary>Follows the peer's nomination; sends ICE-CONTROLLED. A lite agent is always controlled.</summary>
    Controlled,
}

namespace Mcu.Stun.Tests;

public class StunMessageTypeTests
{
    [Theory]
    [InlineData(StunMessageClass.Request, 0x0001)]
    [InlineData(StunMessageClass.Indication, 0x0011)]
    [InlineData(StunMessageClass.SuccessResponse, 0x0101)]
    [InlineData(StunMessageClass.ErrorResponse, 0x0111)]
    public void Binding_types_match_rfc8489(StunMessageClass messageClass, int expected)
    {
        Assert.Equal(expected, StunMessageType.Encode(StunMethod.Binding, messageClass));
        Assert.Equal(StunMethod.Binding, StunMessageType.GetMethod((ushort)expected));
        Assert.Equal(messageClass, StunMessageType.GetClass((ushort)expected));
    }

    [Fact]
    public void Every_method_and_class_round_trips()
    {
        for (var method = 0; method < 0x1000; method++)
        {
            for (var messageClass = 0; messageClass < 4; messageClass++)
            {
                var type = StunMessageType.Encode((StunMethod)method, (StunMessageClass)messageClass);
                Assert.Equal(0, type & 0xC000);
                Assert.Equal(method, (int)StunMessageType.GetMethod(type));
                Assert.Equal(messageClass, (int)StunMessageType.GetClass(type));
            }
        }
    }

    [Fact]
    public void Allocate_request_of_turn_encodes_as_in_rfc8656()
    {
        // Allocate (0x003) request is 0x0003 and its success response 0x0103.
        Assert.Equal(0x0003, StunMessageType.Encode((StunMethod)0x003, StunMessageClass.Request));
        Assert.Equal(0x0103, StunMessageType.Encode((StunMethod)0x003, StunMessageClass.SuccessResponse));
    }
}

using static Gradus.Tests.LinearAlgebra.LinalgFixtures;

namespace Gradus.Tests.LinearAlgebra;

/// <summary>Bad inputs of errors.json fail with PyTorch's message and the matching exception type.</summary>
public class ErrorTests
{
    public static TheoryData<string> Errors => Names("errors.json");

    [Theory]
    [MemberData(nameof(Errors))]
    public void FailsLikePyTorch(string name)
    {
        var c = Entry("errors.json", name);
        var specs = c.GetProperty("inputs").EnumerateArray().ToArray();
        var inputs = specs.Select(s => View(Leaf(s), s)).ToArray();
        var ex = Assert.ThrowsAny<Exception>(() => Call(c.GetProperty("op").GetString()!, inputs, c.GetProperty("params")));
        Assert.Equal(c.GetProperty("message").GetString(), ex.Message);
        switch (c.GetProperty("kind").GetString())
        {
            case "_LinAlgError": Assert.IsType<LinAlgException>(ex); break;
            case "IndexError": Assert.IsType<IndexOutOfRangeException>(ex); break;
            default: Assert.IsAssignableFrom<ArgumentException>(ex); break;
        }
    }
}

using System.Text.Json;
using Gradus.Random;

namespace Gradus.Tests.Random;

/// <summary>Every recorded PyTorch 1.13 stream (fresh seed, then the steps in order) is reproduced.</summary>
public class GeneratorStreamTests
{
    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (string file in new[] { "torch_uniform.json", "torch_normal.json", "torch_discrete.json" })
        {
            int count = RandomFixtures.Load(file).GetProperty("cases").GetArrayLength();
            for (int i = 0; i < count; i++)
            {
                data.Add(file, i);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamMatchesPyTorch(string file, int index)
    {
        JsonElement c = RandomFixtures.Load(file).GetProperty("cases")[index];
        RunCase(c, $"{file}#{index}");
    }

    [Fact]
    public void MixedSequencesShareTheCachedNormal()
    {
        foreach (JsonElement c in RandomFixtures.Load("torch_state.json").GetProperty("sequences").EnumerateArray())
        {
            RunCase(c, "sequence");
        }
    }

    internal static void RunCase(JsonElement c, string label)
    {
        var g = new Generator(c.GetProperty("seed").GetUInt64());
        int s = 0;
        foreach (JsonElement step in c.GetProperty("steps").EnumerateArray())
        {
            TorchStepRunner.Run(g, step, $"{label} seed={c.GetProperty("seed")} step {s++}");
        }
    }
}

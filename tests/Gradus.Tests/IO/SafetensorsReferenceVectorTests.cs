using System.Text;
using Gradus.IO;

namespace Gradus.Tests.IO;

/// <summary>The exact bytes that the reference implementation's own test suite expects (huggingface/safetensors,
/// bindings/python/tests/test_simple.py).</summary>
public class SafetensorsReferenceVectorTests
{
    private static byte[] Bytes(byte lengthByte, string header, int zeros) =>
        [lengthByte, 0, 0, 0, 0, 0, 0, 0, .. Encoding.ASCII.GetBytes(header), .. new byte[zeros]];

    private static SafetensorsEntry Zeros(string name, string dtype, int bytes) => new(name, dtype, [2, 2], new byte[bytes]);

    [Fact]
    public void SingleInt32Tensor()
    {
        byte[] expected = Bytes((byte)'@', "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}    ", 16);

        Assert.Equal(expected, Safetensors.Serialize([Zeros("test", "I32", 16)]));
    }

    [Fact]
    public void AlignmentOrderPutsInt32BeforeFloat16WhateverTheInputOrder()
    {
        byte[] expected = Bytes(0x80,
            "{\"test1\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]},\"test2\":{\"dtype\":\"F16\",\"shape\":[2,2],\"data_offsets\":[16,24]}}      ",
            24);

        Assert.Equal(expected, Safetensors.Serialize([Zeros("test2", "F16", 8), Zeros("test1", "I32", 16)]));
        Assert.Equal(expected, Safetensors.Serialize([Zeros("test1", "I32", 16), Zeros("test2", "F16", 8)]));
    }

    [Fact]
    public void MetadataComesFirst()
    {
        byte[] expected = Bytes((byte)'`',
            "{\"__metadata__\":{\"framework\":\"pt\"},\"test1\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}} ", 16);

        Assert.Equal(expected, Safetensors.Serialize([Zeros("test1", "I32", 16)], new Dictionary<string, string> { ["framework"] = "pt" }));
    }

    [Fact]
    public void ReadsAnUnpaddedHeader()
    {
        byte[] file = Bytes((byte)'<', "{\"test\":{\"dtype\":\"I32\",\"shape\":[2,2],\"data_offsets\":[0,16]}}", 16);

        var read = Safetensors.ReadStream(new MemoryStream(file));

        Assert.Equal(["test"], read.Names.ToArray());
        Assert.Equal(new int[4], read["test"].ToArray<int>());
    }
}

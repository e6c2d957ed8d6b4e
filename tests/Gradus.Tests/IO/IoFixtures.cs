using System.Text.Json;

namespace Gradus.Tests.IO;

/// <summary>Paths of the io fixtures and of scratch folders for the IO tests.</summary>
internal static class IoFixtures
{
    public static string Path(params string[] parts) =>
        System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", "io", .. parts]);

    public static JsonElement Json(params string[] parts) =>
        JsonDocument.Parse(File.ReadAllBytes(Path(parts))).RootElement;

    /// <summary>A fresh empty folder under the temp directory; deleted by the returned scope.</summary>
    public static TempFolder NewFolder() => new();

    public sealed class TempFolder : IDisposable
    {
        public TempFolder()
        {
            Dir = Directory.CreateTempSubdirectory("gradus-io-").FullName;
        }

        public string Dir { get; }

        public string File(string name) => System.IO.Path.Combine(Dir, name);

        public void Dispose() => Directory.Delete(Dir, recursive: true);
    }
}

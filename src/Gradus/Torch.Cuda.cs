namespace Gradus;

public static partial class Torch
{
    /// <summary>CUDA queries, as <c>torch.cuda</c>. Gradus runs on the CPU only, so no CUDA device is ever present.</summary>
    public static class Cuda
    {
        /// <summary>Whether a CUDA device can be used, as <c>torch.cuda.is_available()</c>; always false in Gradus.</summary>
        public static bool IsAvailable() => false;

        /// <summary>The number of CUDA devices, as <c>torch.cuda.device_count()</c>; always 0 in Gradus.</summary>
        public static int DeviceCount() => 0;
    }
}

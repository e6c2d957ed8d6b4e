using Gradus.Data.Files;
using Gradus.Data.Transforms;

namespace Gradus.Data.Datasets;

/// <summary>
/// Zalando's Fashion-MNIST, as <c>torchvision.datasets.FashionMNIST</c>: 28x28 grey images of ten kinds of
/// clothing (<see cref="Mnist.Classes"/>), int64 labels 0-9, loaded like <see cref="Mnist"/>. Found in
/// <paramref name="root"/>, <c>GRADUS_DATA</c>, Debian's <c>/usr/share/datasets/fashion-mnist</c>, or the sample in data/;
/// <paramref name="targetTransform"/> is applied to each fetched label, as <c>target_transform</c>.
/// </summary>
public sealed class FashionMnist(string? root = null, bool train = true, Transform? transform = null, Transform? targetTransform = null)
    : Mnist(DataFiles.FindFashionMnist(root), train, transform, targetTransform,
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]);

using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Gradus.Plots.Tests")]

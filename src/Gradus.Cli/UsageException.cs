namespace Gradus.Cli;

/// <summary>A command line that parsed but asks for something impossible (a chapter that does not exist, a zero batch size); exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

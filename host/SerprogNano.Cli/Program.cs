namespace SerprogNano.Cli
{
    public static class Program
    {
        public static int Main(string[] args) => SerprogCommandLine.Run(args, CliConsole.FromProcess(), RawArguments.FindUndecodable(args));
    }
}

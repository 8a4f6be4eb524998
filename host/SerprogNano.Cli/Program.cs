using System.CommandLine;
using SerprogNano.Cli.Commands;

namespace SerprogNano.Cli
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            var root = new RootCommand("serprog: probe, read, write and verify SPI NOR flash through serprog programmers")
            {
                EmulateCommand.Create(),
            };
            return root.Parse(args).Invoke();
        }
    }
}

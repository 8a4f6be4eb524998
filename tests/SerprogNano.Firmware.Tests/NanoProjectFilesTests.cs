using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using SerprogNano.Firmware.Tests.Harness;

namespace SerprogNano.Firmware.Tests
{
    /// <summary>
    /// The nanoFramework project files cannot be built here (no nanoFramework package is served), so
    /// their consistency is checked as data: references, packages.config and the test run settings.
    /// </summary>
    [TestClass]
    public sealed partial class NanoProjectFilesTests
    {
        private static readonly XNamespace MsBuild = "http://schemas.microsoft.com/developer/msbuild/2003";

        public static IEnumerable<object[]> NanoProjects => new[]
        {
            new object[] { "protocol/SerprogNano.Protocol/SerprogNano.Protocol.nfproj" },
            new object[] { "firmware/SerprogNano.Engine/SerprogNano.Engine.nfproj" },
            new object[] { "firmware/SerprogNano.Esp32/SerprogNano.Esp32.nfproj" },
            new object[] { "firmware/SerprogNano.Esp32.App/SerprogNano.Esp32.App.nfproj" },
            new object[] { "tests/SerprogNano.DeviceTests/SerprogNano.DeviceTests.nfproj" },
        };

        [TestMethod]
        [DynamicData(nameof(NanoProjects))]
        public void Every_reference_comes_from_a_package_in_packages_config_at_its_version(string project)
        {
            XDocument nfproj = XDocument.Load(RepositoryRoot.File(project));
            Dictionary<string, string> packages = PackagesBeside(project);
            var used = new HashSet<string>();

            foreach (XElement reference in nfproj.Descendants(MsBuild + "Reference"))
            {
                string hintPath = reference.Element(MsBuild + "HintPath")!.Value.Replace('\\', '/');
                Match package = HintPathPattern().Match(hintPath);
                Assert.IsTrue(package.Success, project + ": " + hintPath + " is not a packages/<id>.<version>/lib path");
                string id = package.Groups["id"].Value;
                string version = package.Groups["version"].Value;
                Assert.IsTrue(packages.ContainsKey(id), project + ": " + id + " is missing from packages.config");
                Assert.AreEqual(packages[id], version, project + ": " + id + " version");
                used.Add(id);

                string include = reference.Attribute("Include")!.Value;
                if (!include.Contains("Version=0.0.0.0", StringComparison.Ordinal))
                {
                    StringAssert.Contains(include, "Version=" + version + ".0", project + ": " + include);
                }
            }

            CollectionAssert.AreEquivalent(packages.Keys.ToList(), used.ToList(), project + ": packages.config and references differ");
        }

        [TestMethod]
        [DynamicData(nameof(NanoProjects))]
        public void Project_references_point_at_existing_nanoFramework_projects(string project)
        {
            XDocument nfproj = XDocument.Load(RepositoryRoot.File(project));
            string folder = Path.GetDirectoryName(RepositoryRoot.File(project))!;
            foreach (XElement reference in nfproj.Descendants(MsBuild + "ProjectReference"))
            {
                string path = Path.GetFullPath(Path.Combine(folder, reference.Attribute("Include")!.Value.Replace('\\', '/')));
                Assert.IsTrue(File.Exists(path), project + " references " + path);
                Assert.AreEqual(".nfproj", Path.GetExtension(path), project + " may reference only nanoFramework projects");
            }
        }

        [TestMethod]
        public void The_firmware_names_the_nanoFramework_packages_it_runs_on()
        {
            Dictionary<string, string> packages = PackagesBeside("firmware/SerprogNano.Esp32/SerprogNano.Esp32.nfproj");
            string[] required =
            {
                "nanoFramework.CoreLibrary", "nanoFramework.System.Device.Spi", "nanoFramework.System.Device.Gpio",
                "nanoFramework.Hardware.Esp32", "nanoFramework.System.IO.Ports", "nanoFramework.System.IO.Streams",
                "nanoFramework.System.Text", "nanoFramework.Runtime.Events",
            };
            foreach (string id in required)
            {
                Assert.IsTrue(packages.ContainsKey(id), id);
            }
        }

        [TestMethod]
        [DataRow("SerprogNano.Esp32")]
        [DataRow("SerprogNano.Esp32.App")]
        public void The_compile_check_compiles_the_firmware_sources(string project)
        {
            XDocument nfproj = XDocument.Load(RepositoryRoot.File($"firmware/{project}/{project}.nfproj"));
            XDocument check = XDocument.Load(RepositoryRoot.File("firmware/SerprogNano.Esp32.CompileCheck/SerprogNano.Esp32.CompileCheck.csproj"));

            string firmware = nfproj.Descendants(MsBuild + "Compile").Single().Attribute("Include")!.Value;
            var compiled = check.Descendants("Compile").Select(c => c.Attribute("Include")!.Value).ToList();

            CollectionAssert.Contains(compiled, $"../{project}/" + firmware);
        }

        [TestMethod]
        public void The_board_layer_is_a_library_and_the_app_the_only_exe()
        {
            // nanoFramework runs the last entry point it loads: a test project that references an Exe runs the
            // app's Main instead of its tests.
            Assert.AreEqual("Library", OutputType("firmware/SerprogNano.Esp32/SerprogNano.Esp32.nfproj"));
            Assert.AreEqual("Exe", OutputType("firmware/SerprogNano.Esp32.App/SerprogNano.Esp32.App.nfproj"));
            XDocument tests = XDocument.Load(RepositoryRoot.File("tests/SerprogNano.DeviceTests/SerprogNano.DeviceTests.nfproj"));
            var references = tests.Descendants(MsBuild + "ProjectReference").Select(r => r.Attribute("Include")!.Value.Replace('\\', '/')).ToList();
            CollectionAssert.Contains(references, "../../firmware/SerprogNano.Esp32/SerprogNano.Esp32.nfproj");
            Assert.IsFalse(references.Any(r => r.Contains("SerprogNano.Esp32.App", StringComparison.Ordinal)), "the device tests must not reference the app");
        }

        [TestMethod]
        public void The_device_tests_link_the_run_settings()
        {
            // Without RunSettingsFilePath the test adapter ignores nano.runsettings and runs on the PC's virtual device.
            XDocument tests = XDocument.Load(RepositoryRoot.File("tests/SerprogNano.DeviceTests/SerprogNano.DeviceTests.nfproj"));
            string? path = tests.Descendants(MsBuild + "RunSettingsFilePath").SingleOrDefault()?.Value;
            Assert.IsNotNull(path, "RunSettingsFilePath");
            string resolved = Path.GetFullPath(Path.Combine(RepositoryRoot.File("tests/SerprogNano.DeviceTests"),
                path.Replace("$(MSBuildProjectDirectory)", ".", StringComparison.Ordinal).Replace('\\', '/')));
            Assert.AreEqual(RepositoryRoot.File("nano.runsettings"), resolved);
        }

        private static string OutputType(string project) =>
            XDocument.Load(RepositoryRoot.File(project)).Descendants(MsBuild + "OutputType").Single().Value;

        [TestMethod]
        public void The_run_settings_configure_nanoFramework_TestFramework()
        {
            XElement settings = XDocument.Load(RepositoryRoot.File("nano.runsettings")).Root!;
            XElement run = settings.Element("RunConfiguration")!;
            XElement adapter = settings.Element("nanoFrameworkAdapter")!;

            Assert.AreEqual("RunSettings", settings.Name.LocalName);
            Assert.AreEqual("1", run.Element("MaxCpuCount")?.Value);
            Assert.AreEqual("net48", run.Element("TargetFrameworkVersion")?.Value);
            Assert.AreEqual("x64", run.Element("TargetPlatform")?.Value);
            Assert.IsGreaterThan(0, int.Parse(run.Element("TestSessionTimeout")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.IsNotNull(run.Element("ResultsDirectory"));
            Assert.IsNotNull(adapter.Element("Logging"));
            Assert.IsTrue(bool.Parse(adapter.Element("IsRealHardware")!.Value), "the board tests need a board");
        }

        private static Dictionary<string, string> PackagesBeside(string project)
        {
            string config = Path.Combine(Path.GetDirectoryName(RepositoryRoot.File(project))!, "packages.config");
            return XDocument.Load(config).Root!.Elements("package")
                .ToDictionary(p => p.Attribute("id")!.Value, p => p.Attribute("version")!.Value);
        }

        [GeneratedRegex(@"^\.\./\.\./packages/(?<id>[A-Za-z0-9.]+?)\.(?<version>\d+\.\d+\.\d+)/lib/[^/]+$")]
        private static partial Regex HintPathPattern();
    }
}

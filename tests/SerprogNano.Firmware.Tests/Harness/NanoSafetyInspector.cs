using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace SerprogNano.Firmware.Tests.Harness
{
    /// <summary>
    /// Finds in a compiled assembly what nanoFramework's stable mscorlib cannot run: generic types or
    /// methods (declared or used in a signature), async state machines, and references to assemblies
    /// beyond the core library.
    /// </summary>
    internal static class NanoSafetyInspector
    {
        private const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;

        public static IReadOnlyList<string> Violations(Assembly assembly, params string[] allowedReferences)
        {
            var found = new List<string>();
            foreach (AssemblyName reference in assembly.GetReferencedAssemblies())
            {
                if (reference.Name != "System.Runtime" && !allowedReferences.Contains(reference.Name))
                {
                    found.Add(assembly.GetName().Name + " references " + reference.Name);
                }
            }

            foreach (Type type in assembly.GetTypes())
            {
                Inspect(type, found);
            }

            return found;
        }

        private static void Inspect(Type type, List<string> found)
        {
            if (type.IsGenericTypeDefinition)
            {
                found.Add(type.FullName + " is generic");
            }

            if (typeof(IAsyncStateMachine).IsAssignableFrom(type))
            {
                found.Add(type.FullName + " is an async state machine");
            }

            if (type.BaseType != null && type.BaseType.IsGenericType)
            {
                found.Add(type.FullName + " derives from " + type.BaseType);
            }

            foreach (Type implemented in type.GetInterfaces().Where(i => i.IsGenericType))
            {
                found.Add(type.FullName + " implements " + implemented);
            }

            foreach (FieldInfo field in type.GetFields(Everything))
            {
                CheckUse(type, field.Name, field.FieldType, found);
            }

            foreach (MethodBase method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
            {
                if (method.IsGenericMethodDefinition)
                {
                    found.Add(type.FullName + "." + method.Name + " is generic");
                }

                if (method is MethodInfo withResult)
                {
                    CheckUse(type, method.Name, withResult.ReturnType, found);
                }

                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    CheckUse(type, method.Name, parameter.ParameterType, found);
                }
            }
        }

        private static void CheckUse(Type owner, string member, Type used, List<string> found)
        {
            while (used.HasElementType)
            {
                used = used.GetElementType()!;
            }

            if (used.IsGenericType || used.IsGenericParameter)
            {
                found.Add(owner.FullName + "." + member + " uses " + used);
            }
        }
    }
}

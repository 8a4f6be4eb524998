namespace SerprogNano.Esp32
{
    /// <summary>S_SPI_FREQ's rule over a board's clock steps.</summary>
    public static class ClockStepTable
    {
        /// <summary>
        /// The highest step at or below <paramref name="requestedHz"/>, else the lowest step.
        /// </summary>
        /// <param name="stepsHighestFirst">A board's steps, highest first.</param>
        public static uint Select(uint[] stepsHighestFirst, uint requestedHz)
        {
            for (int i = 0; i < stepsHighestFirst.Length; i++)
            {
                if (stepsHighestFirst[i] <= requestedHz)
                {
                    return stepsHighestFirst[i];
                }
            }

            return stepsHighestFirst[stepsHighestFirst.Length - 1];
        }
    }
}

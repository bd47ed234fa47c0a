package dev.cradle.factors;

/**
 * A GPU card documented by the ADEME / Hubblo / Tide GPU calculator ({@code gpu-card-components}, CC BY-SA 4.0):
 * the sizes its bottom-up model needs, as the source gives them.
 *
 * @param key            the library's key ({@code nvidia-h100-pcie-80gb})
 * @param name           the source's name ({@code NVIDIA H100 PCIe 80GB})
 * @param massKg         total card mass, kg
 * @param casingMassKg   casing (shroud) mass, kg
 * @param heatsinkMassKg heatsink mass, kg
 * @param pcbAreaCm2     printed wiring board area, cm2
 * @param vramGb         video memory, GB
 * @param vramDies       number of VRAM dies
 * @param dieAreaMm2     GPU die area before losses, mm2
 * @param vramDieAreaMm2 area of one VRAM die before losses, mm2; NaN when the source does not document it
 */
public record GpuCard(String key, String name, double massKg, double casingMassKg, double heatsinkMassKg,
                      double pcbAreaCm2, double vramGb, double vramDies, double dieAreaMm2, double vramDieAreaMm2) {
}

import { at, str } from '../../engine/json/tree.js';
import { defineRule, levels, parsedApiProperties, quote } from '../define.js';
import { hex, inspectPng, pixelAt, type RgbaImage } from './png.js';

/** How far each channel may drift (anti-aliasing, lossy re-encoding) and still count as the same colour. */
export const TOLERANCE = 8;
/** How far in from each corner the background is sampled (clear of a one-pixel border or edge artefacts). */
export const INSET = 2;

const DEFAULT_BRAND = [0x00, 0x7e, 0xe5] as const;
const WHITE = [0xff, 0xff, 0xff] as const;
const BRAND_COLOR = /^#[0-9a-fA-F]{6}$/;

type Rgba = [number, number, number, number];

function near(a: readonly number[], b: readonly number[]): boolean {
  return [0, 1, 2].every((i) => Math.abs((a[i] as number) - (b[i] as number)) <= TOLERANCE);
}

interface Sample {
  where: string;
  x: number;
  y: number;
  rgba: Rgba;
}

function corners(image: RgbaImage): Sample[] {
  const inX = Math.min(INSET, Math.floor((image.width - 1) / 2));
  const inY = Math.min(INSET, Math.floor((image.height - 1) / 2));
  const right = image.width - 1 - inX;
  const bottom = image.height - 1 - inY;
  return [
    { where: 'top-left', x: inX, y: inY },
    { where: 'top-right', x: right, y: inY },
    { where: 'bottom-left', x: inX, y: bottom },
    { where: 'bottom-right', x: right, y: bottom },
  ].map((corner) => ({ ...corner, rgba: pixelAt(image, corner.x, corner.y) }));
}

export default defineRule({
  meta: {
    id: 'icon-background',
    criterion: 'icon',
    description: 'icon.png has an opaque, solid background that is not white or #007ee5 and equals iconBrandColor.',
    level: levels('error', 'off', 'off'),
  },
  check({ connector, report }) {
    const icon = connector.files.icon;
    if (!icon || icon.readProblem) return;
    const image = inspectPng(icon).image;
    if (!image) return; // icon-format says why
    const name = icon.path.split('/').pop() as string;
    const samples = corners(image);

    const clear = samples.find((sample) => sample.rgba[3] !== 255);
    if (clear) {
      report({
        file: icon,
        message: `${name} is not opaque at its ${clear.where} corner (alpha ${clear.rgba[3]} at ${clear.x},${clear.y}); fill the whole square with the brand colour, no transparency or rounded corners`,
      });
      return;
    }
    const first = samples[0] as Sample;
    if (!samples.every((sample) => near(sample.rgba, first.rgba))) {
      const seen = samples.map((sample) => `${sample.where} ${hex(sample.rgba)}`).join(', ');
      report({ file: icon, message: `the corners of ${name} differ (${seen}); the background must be one solid colour, the iconBrandColor` });
      return;
    }
    const background = [0, 1, 2].map((i) => Math.round(samples.reduce((sum, sample) => sum + sample.rgba[i]!, 0) / samples.length));
    const shown = hex(background);

    const apiProperties = parsedApiProperties(connector);
    const brandNode = at(apiProperties?.doc.root, 'properties', 'iconBrandColor');
    const brand = str(brandNode);
    // An absent or malformed iconBrandColor is brand-color-format's finding, not this rule's.
    const brandOk = brand !== undefined && BRAND_COLOR.test(brand);
    const wanted = brandOk ? `the brand colour (iconBrandColor ${quote(brand)})` : 'your brand colour';

    if (near(background, WHITE)) {
      report({ file: icon, message: `${name} has a white background (${shown}); Microsoft requires a non-white background: fill it with ${wanted}` });
      return;
    }
    if (near(background, DEFAULT_BRAND)) {
      report({ file: icon, message: `${name} has the default background #007ee5 (${shown}); fill it with ${wanted}` });
      return;
    }
    if (!apiProperties || !brandNode || !brandOk) return;
    const brandRgb = [1, 3, 5].map((i) => parseInt(brand.slice(i, i + 2), 16));
    if (near(background, brandRgb)) return;
    report({
      file: apiProperties,
      node: brandNode,
      message: `icon background is ${shown} but iconBrandColor is ${quote(brand)}; set iconBrandColor to '${shown}' or fill the icon background with ${quote(brand)}`,
      fix: { offset: brandNode.offset, length: brandNode.length, text: JSON.stringify(shown) },
    });
  },
});

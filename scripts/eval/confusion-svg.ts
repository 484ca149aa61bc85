/** The confusion matrix as a self-contained SVG heat map: rows are true classes, columns predictions. */
export function confusionSvg(
  labels: readonly string[],
  confusion: readonly (readonly number[])[],
  title: string,
): string {
  const cell = 56;
  const left = 130;
  const top = 120;
  const size = labels.length * cell;
  const width = left + size + 80; // room for the last rotated column label
  const height = top + size + 50;
  const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="15" font-weight="bold">${escape(title)}</text>`,
    `<text x="${left + size / 2}" y="44" text-anchor="middle" fill="#555">predicted</text>`,
    `<text x="16" y="${top + size / 2}" text-anchor="middle" fill="#555" transform="rotate(-90 16 ${top + size / 2})">true</text>`,
  ];
  labels.forEach((label, i) => {
    const x = left + i * cell + cell / 2;
    parts.push(
      `<text x="${x}" y="${top - 8}" text-anchor="start" transform="rotate(-45 ${x} ${top - 8})">${escape(label)}</text>`,
    );
    parts.push(`<text x="${left - 8}" y="${top + i * cell + cell / 2 + 5}" text-anchor="end">${escape(label)}</text>`);
  });
  confusion.forEach((row, i) => {
    const total = row.reduce((a, b) => a + b, 0) || 1;
    row.forEach((count, j) => {
      const share = count / total; // shade by share of the true class, so small classes read as clearly as big ones
      const shade = Math.round(255 - share * 200);
      const fill = i === j ? `rgb(${shade},${Math.round(255 - share * 120)},${shade})` : `rgb(255,${shade},${shade})`;
      parts.push(
        `<rect x="${left + j * cell}" y="${top + i * cell}" width="${cell}" height="${cell}" fill="${fill}" stroke="#ddd"/>`,
      );
      parts.push(
        `<text x="${left + j * cell + cell / 2}" y="${top + i * cell + cell / 2 + 5}" text-anchor="middle" fill="${share > 0.6 ? '#fff' : '#222'}">${count}</text>`,
      );
    });
  });
  parts.push(
    `<text x="${left}" y="${top + size + 30}" fill="#555" font-size="11">cell colour: share of the row (true class); green diagonal = right, red = confused</text>`,
  );
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}

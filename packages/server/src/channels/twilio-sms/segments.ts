/**
 * How many SMS segments a text takes (CH2), as carriers count them: GSM-7 when every character is
 * in the GSM 03.38 alphabet (160 in one segment, 153 each once split, extension characters
 * counting twice), UCS-2 otherwise (70, then 67 per segment, astral characters counting twice).
 */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';
const GSM_EXTENSION = '\f^{}\\[~]|€';

export function countSegments(text: string): number {
  if (text === '') return 1;
  let septets = 0;
  for (const char of text) {
    if (GSM_BASIC.includes(char)) septets += 1;
    else if (GSM_EXTENSION.includes(char)) septets += 2;
    else return ucs2Segments(text);
  }
  return septets <= 160 ? 1 : Math.ceil(septets / 153);
}

function ucs2Segments(text: string): number {
  // `length` counts UTF-16 code units, which is what UCS-2 segments carry.
  return text.length <= 70 ? 1 : Math.ceil(text.length / 67);
}

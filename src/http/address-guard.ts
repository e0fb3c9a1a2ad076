import { isIP } from 'node:net';

/** Host names that reach cloud metadata services. */
const METADATA_HOSTS = new Set([
  'metadata.google.internal',
  'metadata',
  'metadata.goog',
  'metadata.azure.com',
  'instance-data',
  'instance-data.ec2.internal',
]);

/**
 * Addresses of cloud metadata services (GCP/AWS/Azure, AWS ECS task metadata, AWS IPv6,
 * Alibaba, Oracle). Refused even with --allow-private-network: that flag is for sites on
 * this machine or this network, and no company website lives on a metadata endpoint.
 */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '169.254.169.123', '100.100.100.200', '192.0.0.192', 'fd00:ec2::254']);

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => (acc << 8) + Number(part), 0) >>> 0;
}

function inRange(ip: string, cidr: string): boolean {
  const [base, bits] = cidr.split('/') as [string, string];
  const mask = Number(bits) === 0 ? 0 : (~0 << (32 - Number(bits))) >>> 0;
  return (ipv4ToInt(ip) & mask) === (ipv4ToInt(base) & mask);
}

const BLOCKED_V4: ReadonlyArray<[string, string]> = [
  ['0.0.0.0/8', 'a "this network" address'],
  ['10.0.0.0/8', 'a private address'],
  ['100.64.0.0/10', 'a carrier-grade NAT address'],
  ['127.0.0.0/8', 'a loopback address'],
  ['169.254.0.0/16', 'a link-local address (cloud metadata lives here)'],
  ['172.16.0.0/12', 'a private address'],
  ['192.0.0.0/24', 'a reserved address'],
  ['192.0.2.0/24', 'a documentation address'],
  ['192.88.99.0/24', 'a reserved relay address'],
  ['192.168.0.0/16', 'a private address'],
  ['198.18.0.0/15', 'a benchmarking address'],
  ['198.51.100.0/24', 'a documentation address'],
  ['203.0.113.0/24', 'a documentation address'],
  ['224.0.0.0/4', 'a multicast address'],
  ['240.0.0.0/4', 'a reserved address'],
];

function expandV6(ip: string): number[] {
  const [head = '', tail] = ip.toLowerCase().split('::');
  const parse = (s: string): number[] => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const zeros = tail === undefined ? 0 : 8 - h.length - t.length;
  return [...h, ...new Array<number>(zeros).fill(0), ...t];
}

/** Why an address must not be fetched, or undefined when it is public. */
export function blockedReason(address: string): string | undefined {
  const kind = isIP(address);
  if (kind === 4) {
    for (const [cidr, why] of BLOCKED_V4) if (inRange(address, cidr)) return why;
    return undefined;
  }
  if (kind === 6) {
    const lower = address.toLowerCase();
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return blockedReason(mapped[1] ?? '') ?? 'an IPv4-mapped address';
    if (lower.includes('.')) return 'an IPv4-embedded address';
    const w = expandV6(lower);
    const first = w[0] ?? 0;
    if (w.every((x) => x === 0)) return 'the unspecified address';
    if (w.slice(0, 7).every((x) => x === 0) && w[7] === 1) return 'a loopback address';
    if (w.slice(0, 5).every((x) => x === 0) && w[5] === 0xffff) return 'an IPv4-mapped address';
    if (first === 0x64 && w[1] === 0xff9b) return 'a NAT64 address';
    if ((first & 0xfe00) === 0xfc00) return 'a unique-local address';
    if ((first & 0xffc0) === 0xfe80) return 'a link-local address';
    if ((first & 0xffc0) === 0xfec0) return 'a site-local address';
    if ((first & 0xff00) === 0xff00) return 'a multicast address';
    if (first === 0x2001 && w[1] === 0x0db8) return 'a documentation address';
    if (first === 0x2002) return 'a 6to4 address';
    return undefined;
  }
  return 'not an IP address';
}

/** Whether an address is a cloud metadata endpoint (refused even on private networks). */
export function isMetadataAddress(address: string): boolean {
  const lower = address.toLowerCase();
  if (METADATA_ADDRESSES.has(lower)) return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return METADATA_ADDRESSES.has(mapped[1] ?? '');
  if (isIP(lower) === 6) {
    const w = expandV6(lower);
    return w[0] === 0xfd00 && w[1] === 0x0ec2 && w.slice(2, 7).every((x) => x === 0) && w[7] === 0x254;
  }
  return false;
}

export function isMetadataHost(host: string): boolean {
  return METADATA_HOSTS.has(host.toLowerCase().replace(/\.$/, ''));
}

/**
 * Why the address must not be fetched under the given policy, or undefined when it may be.
 * Metadata endpoints are always refused; the rest only without --allow-private-network.
 */
export function refusalFor(address: string, allowPrivateNetwork: boolean): string | undefined {
  if (isMetadataAddress(address)) return 'a cloud metadata service';
  return allowPrivateNetwork ? undefined : blockedReason(address);
}

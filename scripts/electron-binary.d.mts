export function electronPackageDir(): string | null;
export function electronBinary(): string | null;
export function electronVersion(): string | null;
export function electronAbi(): string | null;

/** A content problem that must stop the build; the message names the file, the entry and the field. */
export class ContentError extends Error {
	readonly file: string;
	readonly entry: string | undefined;
	readonly field: string | undefined;

	constructor(file: string, problem: string, entry?: string, field?: string) {
		const where = [file, entry === undefined ? undefined : `entry "${entry}"`, field === undefined ? undefined : `field "${field}"`]
			.filter(Boolean)
			.join(', ');
		super(`${where}: ${problem}`);
		this.name = 'ContentError';
		this.file = file;
		this.entry = entry;
		this.field = field;
	}
}

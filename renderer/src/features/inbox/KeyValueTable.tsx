/** Name/value pairs in their order, duplicates kept: headers as received, form fields. */
export function KeyValueTable({
  pairs,
  testId,
}: {
  pairs: ReadonlyArray<readonly [string, string]>
  testId?: string
}) {
  return (
    <table className="table kv-table mono" data-testid={testId}>
      <tbody>
        {pairs.map(([name, value], index) => (
          <tr key={index}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

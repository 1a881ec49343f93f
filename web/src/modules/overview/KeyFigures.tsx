import { formatCount } from "../../ui/format";

type Figure = { label: string; hint: string; value: number };

export function KeyFigures({ figures }: { figures: Figure[] }) {
  return (
    <dl className="figures">
      {figures.map((figure) => (
        <div className="figure" key={figure.label}>
          <dt className="figure__label">{figure.label}</dt>
          <dd className="figure__value">{formatCount(figure.value)}</dd>
          <dd className="figure__hint">{figure.hint}</dd>
        </div>
      ))}
    </dl>
  );
}
